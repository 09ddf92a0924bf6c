package io.tenantkit.extension;

import java.util.Map;

import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.alibaba.cola.extension.BizScenario;
import com.alibaba.cola.extension.Extension;
import com.alibaba.cola.extension.ExtensionAutoConfiguration;
import com.alibaba.cola.extension.ExtensionExecutor;
import com.alibaba.cola.extension.ExtensionPointI;

/**
 * The same scenario in COLA 5.0 ({@code cola-component-extension-starter}), wired the way COLA wires
 * itself: its own {@link ExtensionAutoConfiguration} (bootstrap, repository, register, executor) plus
 * the {@code @Extension} beans, in a Spring context.
 *
 * <p>COLA 5 lists that auto-configuration only in {@code META-INF/spring.factories}, which Spring Boot
 * 3 and 4 no longer read for auto-configurations, so a Boot application does not pick it up; it is
 * imported here explicitly into a plain {@link AnnotationConfigApplicationContext} (Spring Framework 7),
 * as a Boot 4 user of COLA would have to do.
 *
 * <p>COLA has three tries per call and no parent chain: {@code bizId.useCase.scenario}, then
 * {@code bizId.useCase.#defaultScenario#}, then {@code bizId.#defaultUseCase#.#defaultScenario#}. The
 * tenant levels map onto them: bizId {@code marketplace}, use case = the region, scenario = the tenant.
 * So jp is found at the first try, sg (region apac) at the second, us (region amer, nothing bound) at
 * the third, the business default.
 */
final class ColaFees {

    /** The business: COLA's first coordinate. */
    static final String BIZ_ID = "marketplace";

    /** What each tenant's fee must be, to check COLA's answer at setup. */
    static final Map<String, FeeCalculator> EXPECTED = Map.of("jp", Fees.JP, "sg", Fees.APAC, "us", Fees.GLOBAL);

    private ColaFees() {
    }

    /** Starts the Spring context holding COLA's executor and the three extensions. */
    static AnnotationConfigApplicationContext start() {
        return new AnnotationConfigApplicationContext(ColaConfiguration.class);
    }

    /** The executor from a started context. */
    static ExtensionExecutor executor(AnnotationConfigApplicationContext context) {
        return context.getBean(ExtensionExecutor.class);
    }

    /** The COLA coordinates for a tenant: bizId marketplace, use case its region, scenario its id. */
    static BizScenario scenarioOf(Tenant tenant) {
        String region = tenant.parent().map(TenantId::value).orElse(BizScenario.DEFAULT_USE_CASE);
        return BizScenario.valueOf(BIZ_ID, region, tenant.id().value());
    }

    /** COLA's extension point: COLA requires {@link ExtensionPointI} and "ExtPt" in the interface name. */
    interface FeeExtPt extends ExtensionPointI, FeeCalculator {
    }

    @Configuration(proxyBeanMethods = false)
    @Import({ExtensionAutoConfiguration.class, JpFee.class, ApacFee.class, DefaultFee.class})
    static class ColaConfiguration {
    }

    /** Tenant level: first try. */
    @Extension(bizId = BIZ_ID, useCase = "apac", scenario = "jp")
    static final class JpFee implements FeeExtPt {
        @Override
        public long fee(long amount) {
            return amount * 3 / 100;
        }
    }

    /** Region level: second try, the use case's default scenario. */
    @Extension(bizId = BIZ_ID, useCase = "apac")
    static final class ApacFee implements FeeExtPt {
        @Override
        public long fee(long amount) {
            return amount * 4 / 100;
        }
    }

    /** The business default: third try. */
    @Extension(bizId = BIZ_ID)
    static final class DefaultFee implements FeeExtPt {
        @Override
        public long fee(long amount) {
            return amount * 5 / 100;
        }
    }
}
