package io.tenantkit.spring.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TenantLogPatternEnvironmentPostProcessorTests {

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void bootsPatternsShowTheTenantByDefault() {
        assertThat(pattern(Map.of())).isEqualTo("%esb(%X{tenant}){}");
    }

    @Test
    void tracingKeepsItsCorrelationIdAfterTheTenant() {
        assertThat(pattern(Map.of("logging.expect-correlation-id", "true"))).isEqualTo("%esb(%X{tenant}){}%correlationId");
    }

    @Test
    void theApplicationsOwnCorrelationPatternWins() {
        assertThat(pattern(Map.of("logging.pattern.correlation", "[%X{traceId}] "))).isEqualTo("[%X{traceId}] ");
    }

    @Test
    void switchedOffByProperty() {
        assertThat(pattern(Map.of("tenantkit.logging.pattern.enabled", "false"))).isNull();
        assertThat(pattern(Map.of("tenantkit.enabled", "false"))).isNull();
    }

    private String pattern(Map<String, Object> properties) {
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new TenantLogPatternEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("logging.pattern.correlation");
    }
}
