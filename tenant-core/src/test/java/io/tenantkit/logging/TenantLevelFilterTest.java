package io.tenantkit.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.UnknownTenantException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Per-tenant levels on a real Logback context, with a clock the test moves. */
class TenantLevelFilterTest {

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();
    final TenantRegistry registry = TenantRegistry.of(jp, us);
    final MutableClock clock = new MutableClock();
    final TenantLevelFilter filter = new TenantLevelFilter(clock);
    final LoggerContext context = new LoggerContext();
    final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    final Logger payout = context.getLogger("io.example.payout.PayoutService");
    final Logger other = context.getLogger("io.example.other.Other");

    @BeforeEach
    void logback() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        lines.setContext(context);
        lines.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(lines);
        filter.bindTo(registry);
        filter.installIn(context);
    }

    @AfterEach
    void stop() {
        filter.removeFrom(context);
        context.stop();
        MDC.clear();
    }

    @Test
    void theFilterIsInLogbacksChainOnlyWhileAnOverrideIsSet() {
        assertThat(context.getTurboFilterList()).doesNotContain(filter);

        filter.setLevel(jp.id(), "io.example", Level.DEBUG, Duration.ofMinutes(1));
        assertThat(context.getTurboFilterList()).containsExactly(filter);
        clock.advance(Duration.ofMinutes(1));
        assertThat(filter.overrides()).isEmpty();
        assertThat(context.getTurboFilterList()).isEmpty();
    }

    @Test
    void withoutOverrideLogbackLevelsDecide() {
        TenantContext.runAs(jp, () -> {
            payout.debug("hidden");
            payout.info("shown");
        });

        assertThat(messages()).containsExactly("shown");
    }

    @Test
    void debugOverrideShowsDebugForThatTenantAndLoggerOnly() {
        filter.setLevel(jp.id(), "io.example.payout", Level.DEBUG);

        TenantContext.runAs(jp, () -> {
            payout.debug("jp payout debug");
            payout.trace("jp payout trace");
            other.debug("jp other debug");
        });
        TenantContext.runAs(us, () -> payout.debug("us payout debug"));
        payout.debug("no tenant debug");

        assertThat(messages()).containsExactly("jp payout debug");
        assertThat((boolean) TenantContext.supplyAs(jp, payout::isDebugEnabled)).isTrue();
        assertThat((boolean) TenantContext.supplyAs(us, payout::isDebugEnabled)).isFalse();
    }

    @Test
    void aForgedMdcValueIsNotATenant() {
        filter.setLevel(jp.id(), "ROOT", Level.DEBUG);
        MDC.put(TenantContext.MDC_KEY, "jp");

        payout.debug("forged");

        assertThat(messages()).isEmpty();
    }

    @Test
    void theNearestParentDecidesAndAQuieterLevelHidesInfo() {
        filter.setLevel(jp.id(), "root", Level.WARN);
        filter.setLevel(jp.id(), "io.example.payout", Level.DEBUG);

        TenantContext.runAs(jp, () -> {
            payout.debug("payout debug");
            other.info("other info");
            other.warn("other warn");
        });

        assertThat(messages()).containsExactly("payout debug", "other warn");
        assertThat(filter.overrideFor(jp.id(), "io.example.payout.PayoutService")).extracting(TenantLevelOverride::logger)
                .isEqualTo("io.example.payout");
        assertThat(filter.overrideFor(jp.id(), "io.example.payoutx")).extracting(TenantLevelOverride::logger)
                .isEqualTo("ROOT");
    }

    @Test
    void overrideStopsAtItsExpiry() {
        filter.setLevel(jp.id(), "io.example.payout", Level.DEBUG, Duration.ofMinutes(30));
        assertThat(filter.overrides()).containsExactly(new TenantLevelOverride(jp.id(), "io.example.payout", Level.DEBUG,
                Instant.parse("2026-01-01T00:30:00Z")));

        TenantContext.runAs(jp, () -> payout.debug("before expiry"));
        clock.advance(Duration.ofMinutes(30));
        TenantContext.runAs(jp, () -> payout.debug("after expiry"));

        assertThat(messages()).containsExactly("before expiry");
        assertThat(filter.overrides()).isEmpty();
    }

    @Test
    void overrideStopsWhenRemoved() {
        filter.setLevel(jp.id(), "io.example.payout", Level.DEBUG);
        TenantContext.runAs(jp, () -> payout.debug("while set"));

        filter.setLevel(jp.id(), "io.example.payout", null);
        TenantContext.runAs(jp, () -> payout.debug("after removal"));

        assertThat(messages()).containsExactly("while set");
        assertThat(filter.overrides(jp.id())).isEmpty();
    }

    @Test
    void unknownTenantIsRejectedAndRemovedTenantLosesItsOverrides() {
        assertThatExceptionOfType(UnknownTenantException.class)
                .isThrownBy(() -> filter.setLevel(TenantId.of("fr"), "ROOT", Level.DEBUG));
        filter.setLevel(us.id(), "ROOT", Level.DEBUG);

        registry.update(snapshot -> snapshot.without(us.id()));

        assertThat(filter.overrides()).isEmpty();
    }

    @Test
    void invalidLoggerNamesAndExpiriesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> filter.setLevel(jp.id(), "io.x\nforged", Level.DEBUG))
                .withMessage("Invalid logger name \"io.x\\u000aforged\": a logger name is 1 to 255 ASCII letters, "
                        + "digits, '.', '_', '$' or '-', such as io.example.payout, or ROOT for all loggers.");
        assertThatIllegalArgumentException().isThrownBy(() -> filter.setLevel(jp.id(), "", Level.DEBUG));
        assertThatIllegalArgumentException().isThrownBy(() -> filter.setLevel(jp.id(), "io", Level.DEBUG, Duration.ZERO))
                .withMessageContaining("must be positive, not PT0S");
    }

    @Test
    void warnAndErrorEventsThatAreLoggedReachTheEventListenerWithTheirTenant() {
        List<String> events = new ArrayList<>();
        TenantLogEvents counted = new TenantLogEvents((tenant, level) -> events.add((tenant == null ? "none" : tenant.id().value()) + ":" + level));
        counted.installIn(context);
        context.getLogger("io.example.quiet").setLevel(Level.ERROR);
        filter.setLevel(jp.id(), "io.example.loud", Level.WARN);

        TenantContext.runAs(jp, () -> {
            payout.info("info");
            payout.warn("warn");
            payout.isErrorEnabled();
            payout.error("error", new IllegalStateException());
            context.getLogger("io.example.quiet").warn("below its level");
            context.getLogger("io.example.loud").setLevel(Level.ERROR);
            context.getLogger("io.example.loud").warn("let through by jp's override");
            payout.atWarn().log("fluent");
        });
        TenantContext.runAs(us, () -> context.getLogger("io.example.loud").warn("below its level for us"));
        MDC.put("tenant", "us");
        payout.error("no tenant, whatever the MDC says");
        MDC.remove("tenant");
        counted.removeFrom(context);
        payout.error("after removal");

        assertThat(events).containsExactly("jp:WARN", "jp:ERROR", "jp:WARN", "jp:WARN", "none:ERROR");
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
