package io.tenantkit.spring.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MDC;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

/**
 * Spring Boot's structured log formats carry the tenant: the MDC value {@code tenant}, which every tenant
 * scope sets, is one of the context pairs each format writes. Real Logback, Boot's own encoder.
 */
class StructuredLoggingTenantFieldTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ecs, \"tenant\":\"jp\"", "logstash, \"tenant\":\"jp\"", "gelf, \"_tenant\":\"jp\""})
    void eachFormatCarriesTheTenant(String format, String field) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.putObject(Environment.class.getName(), new MockEnvironment().withProperty("spring.application.name", "shop"));
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger logger = context.getLogger("io.example.Orders");
        logger.addAppender(appender);

        TenantContext.runAs(Tenant.builder("jp").build(), () -> logger.info("order placed"));
        logger.info("no tenant");

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains(field, "order placed");
        assertThat(lines[1]).contains("no tenant").doesNotContain("\"tenant\"", "\"_tenant\"");
        context.stop();
    }
}
