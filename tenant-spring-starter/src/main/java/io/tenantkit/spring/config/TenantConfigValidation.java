package io.tenantkit.spring.config;

import io.tenantkit.config.ConfigOrigin;
import io.tenantkit.config.TenantConfigException.Problem;
import io.tenantkit.tenant.TenantId;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/** Validates a bound tenant configuration instance, adding what is wrong to a list of problems. */
@FunctionalInterface
public interface TenantConfigValidation {

    /** No validation. */
    TenantConfigValidation NONE = (tenant, instance, prefix, origins, problems) -> {
    };

    /**
     * Checks {@code instance}, bound from {@code prefix} for {@code tenant}, adding one problem per violation.
     *
     * @param origins where a key (prefix included) is written, null if unknown
     */
    void check(TenantId tenant, Object instance, String prefix, Function<String, @Nullable ConfigOrigin> origins, List<Problem> problems);

    /**
     * Jakarta Bean Validation when it is on the class path (the application's {@code jakarta.validation.Validator}
     * bean, as the validation starter provides, else the default provider's), otherwise {@link #NONE}.
     */
    static TenantConfigValidation detect(ListableBeanFactory beans) {
        ClassLoader loader = TenantConfigValidation.class.getClassLoader();
        if (!ClassUtils.isPresent("jakarta.validation.Validator", loader)) {
            return NONE;
        }
        return JakartaValidation.from(beans);
    }
}
