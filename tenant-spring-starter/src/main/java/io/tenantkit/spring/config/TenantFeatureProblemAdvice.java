package io.tenantkit.spring.config;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link TenantFeatureDisabledException} from a web handler with a 404 problem (RFC 9457) of type
 * {@value #TYPE}: for the tenant the handler does not exist.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class TenantFeatureProblemAdvice {

    /** The problem type. */
    public static final String TYPE = "https://tenantkit.io/problems/feature-disabled";

    /** The 404 problem; names the feature, not the tenant's other settings. */
    @ExceptionHandler(TenantFeatureDisabledException.class)
    public ResponseEntity<ProblemDetail> featureDisabled(TenantFeatureDisabledException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Feature '" + e.feature() + "' is not available for this site.");
        problem.setType(URI.create(TYPE));
        problem.setTitle("Feature not available");
        problem.setProperty("feature", e.feature());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
