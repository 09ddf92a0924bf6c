package io.tenantkit.spring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.Currency;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.UnknownTenantException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@WithTenant("de")
class WithTenantExtensionTests {

    @Test
    void annotatedTestRunsWithTheTenant() {
        assertThat(TenantContext.require().id().value()).isEqualTo("de");
    }

    @Test
    @WithTenant("us")
    void methodAnnotationOverridesTheClass() {
        assertThat(TenantContext.require().id().value()).isEqualTo("us");
    }

    @Nested
    class NestedTests {

        @Test
        void inheritTheEnclosingTenant() {
            assertThat(TenantContext.require().id().value()).isEqualTo("de");
        }
    }

    @Nested
    @WithTenant("jp")
    class NestedAnnotatedTests {

        @Test
        void overrideTheEnclosingTenant() {
            assertThat(TenantContext.require().id().value()).isEqualTo("jp");
        }
    }

    @Test
    void plainTestsRunWithTheTenantAndLeaveNothingBehind() {
        TenantContext.runAs(Tenant.builder("outer").build(), () -> {
            Events tests = run(PlainFixture.class);

            tests.assertStatistics(stats -> stats.started(2).succeeded(2));
            assertThat(TenantContext.require().id().value()).isEqualTo("outer");
        });
    }

    @Test
    void springTestsGetTheDeclaredTenantFromTheRegistry() {
        run(SpringFixture.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void undeclaredTenantFailsTheTest() {
        run(UnknownTenantFixture.class).assertThatEvents().haveExactly(1, event(test(),
                finishedWithFailure(instanceOf(UnknownTenantException.class), message(m -> m.startsWith("Unknown tenant 'nope'")))));
    }

    /** Regression: a {@code @Nested} class of a Spring test was given a bare tenant, not the registry's. */
    @Test
    void nestedSpringTestsGetTheDeclaredTenantFromTheRegistry() {
        run(NestedSpringFixture.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    /** Regression: in a {@code @Nested} class of a Spring test an undeclared id passed. */
    @Test
    void undeclaredTenantFailsANestedSpringTest() {
        run(NestedUnknownTenantFixture.class).assertThatEvents().haveExactly(1, event(test(),
                finishedWithFailure(instanceOf(UnknownTenantException.class), message(m -> m.startsWith("Unknown tenant 'nope'")))));
    }

    private static Events run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(Fixture.PARAMETER, "true")
                .selectors(selectClass(fixture)).execute().testEvents();
    }

    /** Runs a fixture class only inside {@link #run}, never on its own. */
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Fixture.Condition.class)
    @interface Fixture {

        String PARAMETER = "tenantkit.test.fixtures";

        final class Condition implements ExecutionCondition {
            @Override
            public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
                return context.getConfigurationParameter(PARAMETER).filter("true"::equals).isPresent()
                        ? ConditionEvaluationResult.enabled("run by EngineTestKit")
                        : ConditionEvaluationResult.disabled("a fixture, run by WithTenantExtensionTests");
            }
        }
    }

    @Fixture
    @WithTenant("jp")
    static class PlainFixture {

        @Test
        void seesTheClassTenant() {
            assertThat(TenantContext.require().id().value()).isEqualTo("jp");
        }

        @Test
        @WithTenant("us")
        void seesTheMethodTenant() {
            assertThat(TenantContext.require().id().value()).isEqualTo("us");
        }
    }

    @Fixture
    @SpringJUnitConfig(Tenants.class)
    @WithTenant("jp")
    static class SpringFixture {

        @Test
        void seesTheDeclaredTenant() {
            assertThat(TenantContext.require().currency()).contains(Currency.getInstance("JPY"));
        }
    }

    @Fixture
    @SpringJUnitConfig(Tenants.class)
    @WithTenant("nope")
    static class UnknownTenantFixture {

        @Test
        void neverRuns() {
            assertThat(TenantContext.current()).isEmpty();
        }
    }

    @Fixture
    @SpringJUnitConfig(Tenants.class)
    @WithTenant("jp")
    static class NestedSpringFixture {

        @Nested
        class Inner {

            @Test
            void seesTheDeclaredTenant() {
                assertThat(TenantContext.require().currency()).contains(Currency.getInstance("JPY"));
            }
        }
    }

    @Fixture
    @SpringJUnitConfig(Tenants.class)
    static class NestedUnknownTenantFixture {

        @Nested
        @WithTenant("nope")
        class Inner {

            @Test
            void neverRuns() {
                assertThat(TenantContext.current()).isEmpty();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Tenants {
        @Bean
        TenantRegistry tenantRegistry() {
            return TenantRegistry.of(Tenant.builder("jp").currency("JPY").build());
        }
    }
}
