package io.tenantkit.samples.marketplace;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The sample's own RFC 9457 problems: a type under {@link #TYPES}, a title and a detail naming the cause. */
final class Problems {

    /** Where the sample's problem types live; each is {@code TYPES + name}. */
    static final String TYPES = "https://tenantkit.io/samples/marketplace/problems/";

    private Problems() {
    }

    static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
