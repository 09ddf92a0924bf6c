package io.tenantkit.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.tenantkit.context.TenantContext;
import io.tenantkit.propagation.TenantExecutors;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

/** Real Logback writing real files in a temporary folder. */
class TenantFileAppenderTest {

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();
    final Tenant closed = Tenant.builder("closed").status(TenantStatus.SUSPENDED).build();
    final TenantRegistry registry = TenantRegistry.of(jp, us, closed);
    final LoggerContext context = new LoggerContext();
    final Logger log = context.getLogger("io.example.Orders");
    final TenantFileAppender appender = new TenantFileAppender();

    @TempDir
    Path dir;

    @BeforeEach
    void logback() {
        context.setMDCAdapter(MDC.getMDCAdapter());
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        appender.setContext(context);
        appender.setDir(dir.resolve("tenants").toString());
        appender.setPattern("%X{tenant} %m%n");
        appender.bindTo(registry);
    }

    @AfterEach
    void stop() {
        appender.stop();
        context.stop();
        MDC.clear();
    }

    @Test
    void linesLandInTheirTenantFileFromScopesAndPropagatedPoolThreads() throws Exception {
        start();
        ExecutorService pool = TenantExecutors.wrap(Executors.newFixedThreadPool(2));
        try {
            TenantContext.runAs(jp, () -> log.info("jp on the caller"));
            TenantContext.callAs(us, () -> pool.submit(() -> log.info("us on a pool thread")).get());
            TenantContext.callAs(jp, () -> pool.submit(() -> log.info("jp on a pool thread")).get());
            pool.submit(() -> log.info("no tenant on a pool thread")).get();
            log.info("no tenant on the caller");
        } finally {
            pool.shutdown();
        }

        await().untilAsserted(() -> {
            assertThat(lines("jp")).containsExactly("jp jp on the caller", "jp jp on a pool thread");
            assertThat(lines("us")).containsExactly("us us on a pool thread");
        });
        assertThat(files()).containsExactlyInAnyOrder("jp.log", "us.log");
    }

    @Test
    void aSuspendedTenantKeepsItsFileAndARemovedTenantsFileIsClosed() throws IOException {
        start();
        TenantContext.runAs(closed, () -> log.warn("suspended, still logging"));
        TenantContext.runAs(us, () -> log.info("us before removal"));
        await().until(() -> appender.openTenants().containsAll(List.of("closed", "us")));

        registry.update(snapshot -> snapshot.without(us.id()));
        TenantContext.runAs(us, () -> log.info("us after removal"));

        await().until(() -> !appender.openTenants().contains("us"));
        assertThat(lines("us")).containsExactly("us us before removal");
        assertThat(lines("closed")).containsExactly("closed suspended, still logging");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../etc", "../../etc/passwd", "jp/../us", "jp\\..\\us", "/tmp/x", "jp\r\nforged",
        "ｊｐ", "јр", "JP", "", " ", "jp\u0000", "<script>", "jp,us", "fr", "jp.log", "%2e%2e"})
    void hostileMdcValuesNeverCreateAFile(String value) throws IOException {
        start();
        MDC.put(TenantContext.MDC_KEY, value);
        log.info("hostile");
        MDC.remove(TenantContext.MDC_KEY);
        TenantContext.runAs(jp, () -> log.info("after"));

        await().untilAsserted(() -> assertThat(lines("jp")).containsExactly("jp after"));
        assertThat(appender.rejectedCount()).isEqualTo(1);
        assertThat(files()).containsExactly("jp.log");
        try (Stream<Path> all = Files.walk(dir.getParent(), 1)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("hostile"))).isEmpty();
        }
    }

    @Test
    void withoutARegistryNoFileIsWritten() throws IOException {
        TenantFileAppender unbound = new TenantFileAppender();
        unbound.setContext(context);
        unbound.setDir(dir.resolve("unbound").toString());
        unbound.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(unbound);

        TenantContext.runAs(jp, () -> log.info("nowhere"));
        unbound.stop();

        assertThat(unbound.rejectedCount()).isEqualTo(1);
        assertThat(dir.resolve("unbound")).doesNotExist();
    }

    @Test
    void tenThousandTenantsLoggingInTurnKeepOpenFilesAtTheBound() throws IOException {
        List<Tenant> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(Tenant.builder("t" + i).build());
        }
        registry.replace(TenantSnapshot.of(many));
        appender.setMaxOpenFiles(50);
        appender.setQueueSize(20_000);
        start();
        List<Integer> openSeen = new ArrayList<>();

        for (Tenant tenant : many) {
            TenantContext.runAs(tenant, () -> log.info("hello"));
            if (tenant.id().value().endsWith("00")) {
                openSeen.add(appender.openTenants().size());
            }
        }

        await().atMost(Duration.ofMinutes(2)).until(() -> appender.openTenants().contains("t9999"));
        assertThat(openSeen).allMatch(open -> open <= 50);
        assertThat(appender.openTenants()).hasSize(50);
        assertThat(appender.droppedCount()).isZero();
        appender.stop();
        assertThat(files()).hasSize(10_000);
        assertThat(lines("t0")).containsExactly("t0 hello");
        assertThat(lines("t9999")).containsExactly("t9999 hello");
    }

    @Test
    void idleFilesAreClosedAfterTheTimeout() throws IOException {
        MutableClock clock = new MutableClock();
        appender.setClock(clock);
        appender.setIdleTimeout(ch.qos.logback.core.util.Duration.buildByMinutes(10));
        start();
        TenantContext.runAs(jp, () -> log.info("once"));
        await().until(() -> appender.openTenants().contains("jp"));

        clock.advance(Duration.ofMinutes(11));

        await().until(() -> appender.openTenants().isEmpty());
        assertThat(lines("jp")).containsExactly("jp once");
    }

    @Test
    void aFullQueueDropsEventsAndCountsThemWithoutBlockingTheCaller() {
        CountDownLatch release = new CountDownLatch(1);
        appender.setClock(new BlockingClock(release));
        appender.setQueueSize(2);
        start();

        TenantContext.runAs(jp, () -> {
            for (int i = 0; i < 5; i++) {
                log.info("event {}", i);
            }
        });
        release.countDown();

        assertThat(appender.droppedCount()).isEqualTo(3);
        await().untilAsserted(() -> assertThat(lines("jp")).containsExactly("jp event 0", "jp event 1"));
    }

    private void start() {
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    private List<String> lines(String tenant) throws IOException {
        Path file = dir.resolve("tenants").resolve(tenant + ".log");
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> all = Files.list(dir.resolve("tenants"))) {
            return all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    /** A clock that holds the appender's worker until released, so that its queue fills up. */
    private static final class BlockingClock extends MutableClock {

        private final CountDownLatch release;

        BlockingClock(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public Instant instant() {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.instant();
        }
    }
}
