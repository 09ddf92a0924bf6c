package io.tenantkit.spring.ops;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.MimeType;

/**
 * The {@code tenantops} web endpoint: the operations page ({@code GET /actuator/tenantops}) and its script and
 * style sheet ({@code GET /actuator/tenantops/ops.js}, {@code ops.css}), static files that read the
 * {@code tenants} and {@code tenantloggers} endpoints from the browser. Any other name answers 404. It lives
 * under the actuator base path, so it shares the management port, the exposure settings and the security rules
 * of the endpoints it reads; {@link TenantOpsPageHeaders} adds its Content-Security-Policy.
 */
@WebEndpoint(id = "tenantops")
public final class TenantOpsEndpoint {

    private static final String FOLDER = "io/tenantkit/spring/ops/";

    private static final Map<String, MimeType> ASSETS = Map.of(
            "ops.js", MimeType.valueOf("text/javascript;charset=UTF-8"),
            "ops.css", MimeType.valueOf("text/css;charset=UTF-8"));

    private static final MimeType HTML = MimeType.valueOf("text/html;charset=UTF-8");

    /** The endpoint; it has no state. */
    public TenantOpsEndpoint() {
    }

    /** The page. */
    @ReadOperation(produces = "text/html")
    public WebEndpointResponse<Resource> page() {
        return new WebEndpointResponse<>(new ClassPathResource(FOLDER + "index.html"), HTML);
    }

    /** The page's script or style sheet by file name; 404 for any other name. */
    @ReadOperation(produces = {"text/javascript", "text/css"})
    public WebEndpointResponse<Resource> asset(@Selector String name) {
        MimeType type = ASSETS.get(name);
        if (type == null) {
            return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
        }
        return new WebEndpointResponse<>(new ClassPathResource(FOLDER + name), type);
    }
}
