package io.tenantkit.spring.logging;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;

/**
 * Shows the tenant in Spring Boot's default console and file patterns, the way Boot shows the correlation
 * id: a default for {@code logging.pattern.correlation} (the part of Boot's patterns between the thread
 * and the logger name) of {@value #TENANT_PATTERN}, which prints {@code [jp] } inside a tenant scope and
 * nothing outside, followed by Boot's own {@code %correlationId} when tracing expects one. The default is
 * the last property source, so any {@code logging.pattern.correlation} the application sets wins; setting
 * {@code tenantkit.logging.pattern.enabled=false} leaves Boot's default alone.
 */
public final class TenantLogPatternEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /**
     * The pattern of the tenant part: the MDC value {@code tenant} in square brackets, or nothing. The empty
     * option {@code {}} is needed: Logback prints a conversion that directly follows a composite's closing
     * parenthesis literally ({@code %esb(..)%-40.40logger} would show "%-40.40logger{39}" in every line).
     */
    public static final String TENANT_PATTERN = "%esb(%X{tenant}){}";

    static final String CORRELATION_PROPERTY = "logging.pattern.correlation";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new TenantPatternPropertySource(environment));
    }

    /** Answers {@code logging.pattern.correlation} when asked, from the environment at that moment. */
    private static final class TenantPatternPropertySource extends EnumerablePropertySource<Object> {

        private final Environment environment;

        TenantPatternPropertySource(Environment environment) {
            super("tenantkitLogPattern", new Object());
            this.environment = environment;
        }

        @Override
        public String[] getPropertyNames() {
            return new String[] {CORRELATION_PROPERTY};
        }

        @Override
        public @Nullable Object getProperty(String name) {
            if (!CORRELATION_PROPERTY.equals(name)
                    || !environment.getProperty("tenantkit.enabled", Boolean.class, true)
                    || !environment.getProperty("tenantkit.logging.pattern.enabled", Boolean.class, true)) {
                return null;
            }
            boolean correlation = environment.getProperty(LoggingSystem.EXPECT_CORRELATION_ID_PROPERTY, Boolean.class, false);
            return correlation ? TENANT_PATTERN + "%correlationId" : TENANT_PATTERN;
        }
    }
}
