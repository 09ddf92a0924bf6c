package io.tenantkit.spring.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.tenantkit.spring.testapp.PropagationTestApplication;
import io.tenantkit.spring.testapp.ScheduledProbes;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code @Scheduled @PerTenant} on Spring Boot's real scheduler (one thread), in the running application. */
@SpringBootTest(classes = PropagationTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PerTenantSchedulingIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ScheduledProbes probes;

    @Autowired
    TenantRegistry registry;

    @AfterEach
    void restore() {
        probes.failFor("");
        registry.update(s -> s.without(TenantId.of("de")));
    }

    @Test
    void scheduledJobRunsOnceForEachActiveTenantInsideItsScopeAndLeavesTheSchedulerThreadClean() {
        settle();
        probes.plainRuns().clear();

        await().atMost(WAIT).until(() -> tenantsSeen().containsAll(List.of("jp", "us")) && probes.plainRuns().size() > 3);

        assertThat(tenantsSeen()).as("inactive apac and suspended ru never run").containsOnly("jp", "us");
        assertThat(probes.perTenantRuns()).allSatisfy(run -> {
            String[] parts = run.split("\\|");
            assertThat(parts[1]).as("MDC tenant of " + run).isEqualTo(parts[0]);
        });
        assertThat(probes.plainRuns()).as("the scheduler thread never keeps a tenant")
                .allSatisfy(run -> assertThat(run).startsWith("none|null|"));
        String schedulerThread = probes.perTenantRuns().iterator().next().split("\\|")[2];
        assertThat(probes.plainRuns()).anySatisfy(run -> assertThat(run).endsWith("|" + schedulerThread));
    }

    @Test
    void aTenantAddedAtRuntimeIsIncludedInTheNextRun() {
        registry.update(s -> s.with(Tenant.builder("de").name("Germany").build()));
        probes.perTenantRuns().clear();

        await().atMost(WAIT).until(() -> tenantsSeen().contains("de"));
    }

    @Test
    void oneTenantsFailureIsLoggedWithItsTenantAndDoesNotStopTheOthers(CapturedOutput output) {
        probes.failFor("jp");
        probes.perTenantRuns().clear();

        await().atMost(WAIT).until(() -> output.getOut().contains("Job 'ScheduledProbes.everyTenant' failed for tenant 'jp'")
                && tenantsSeen().containsAll(List.of("jp", "us")));
        probes.perTenantRuns().clear();
        await().atMost(WAIT).until(() -> tenantsSeen().contains("us"));

        assertThat(output.getOut()).contains("ledger unavailable for jp")
                .contains("failed for 1 of 2 tenants: [jp]")
                .doesNotContain("failed for tenant 'us'");
    }

    /**
     * Forgets what earlier runs recorded. The scheduler has one thread: once the plain job has run after
     * the first clear, any fan-out that started before it (with an older registry) has finished.
     */
    private void settle() {
        probes.perTenantRuns().clear();
        probes.plainRuns().clear();
        await().atMost(WAIT).until(() -> !probes.plainRuns().isEmpty());
        probes.perTenantRuns().clear();
    }

    private List<String> tenantsSeen() {
        return probes.perTenantRuns().stream().map(run -> run.split("\\|")[0]).distinct().toList();
    }
}
