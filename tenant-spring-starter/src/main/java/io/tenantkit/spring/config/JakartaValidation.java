package io.tenantkit.spring.config;

import io.tenantkit.config.ConfigOrigin;
import io.tenantkit.config.TenantConfigException.Problem;
import io.tenantkit.tenant.TenantId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;

/** {@link TenantConfigValidation} with Jakarta Bean Validation; loaded only when its API is present. */
final class JakartaValidation implements TenantConfigValidation {

    private final Validator validator;

    private JakartaValidation(Validator validator) {
        this.validator = validator;
    }

    static TenantConfigValidation from(ListableBeanFactory beans) {
        Validator bean = beans.getBeanProvider(Validator.class).getIfUnique();
        if (bean != null) {
            return new JakartaValidation(bean);
        }
        try {
            return new JakartaValidation(Validation.buildDefaultValidatorFactory().getValidator());
        } catch (ValidationException e) {
            return NONE;
        }
    }

    @Override
    public void check(TenantId tenant, Object instance, String prefix, Function<String, @Nullable ConfigOrigin> origins,
            List<Problem> problems) {
        validator.validate(instance).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    String key = prefix + "." + kebab(v.getPropertyPath().toString());
                    String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    problems.add(new Problem(tenant.value(), key, origins.apply(key), "'"
                            + String.valueOf(v.getInvalidValue()).replaceAll("\\P{Print}", "?") + "' " + v.getMessage()
                            + " (@" + constraint + ")"));
                });
    }

    /** {@code payoutLimit} as written in configuration: {@code payout-limit}. */
    private static String kebab(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
