package io.tenantkit.spring.cloudconfig;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code tenantkit.config.server.uri} is set and not blank (a blank value turns the adapter off), and
 * refuses to go on when {@code tenantkit.config.dir} is set too: the operator layer has one source.
 */
final class OnConfigServerCondition extends SpringBootCondition {

    static final String URI = "tenantkit.config.server.uri";
    static final String DIR = "tenantkit.config.dir";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        String uri = environment.getProperty(URI);
        if (uri == null || uri.isBlank()) {
            return ConditionOutcome.noMatch(URI + " is not set");
        }
        if (environment.containsProperty(DIR)) {
            throw new IllegalStateException("Both " + DIR + " and " + URI + " are set, but the operator layer of the tenant "
                    + "configuration has one source: remove one of the two properties.");
        }
        return ConditionOutcome.match(URI + " is set");
    }
}
