package io.tenantkit.spring.cloudconfig;

import io.tenantkit.tenant.TenantId;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/tenantconfigserver}: {@code GET} tells where the tenant documents come from and how refreshes
 * went; {@code POST} refreshes now (for a webhook of the configuration repository, or a deployment pipeline) and
 * answers with the tenants whose values changed. Problems are logged, never shown here: they may quote values.
 */
@Endpoint(id = "tenantconfigserver")
public final class TenantConfigServerEndpoint {

    /**
     * The state of the refresher.
     *
     * @param document the URI of the tenant documents, {@code {tenant}} standing for the tenant id
     * @param successes documents installed so far
     * @param failures documents rejected and polls that could not reach the server, so far
     * @param rejected the tenants whose latest document was rejected
     */
    public record Status(String document, long successes, long failures, List<String> rejected) {
    }

    /**
     * The answer of a refresh.
     *
     * @param changed the tenants whose values changed
     * @param status the state after the refresh
     */
    public record Refreshed(List<String> changed, Status status) {
    }

    private final ConfigServerTenantSource source;
    private final ConfigServerTenantRefresher refresher;

    /** The endpoint of {@code refresher}, which reads {@code source}. */
    public TenantConfigServerEndpoint(ConfigServerTenantSource source, ConfigServerTenantRefresher refresher) {
        this.source = source;
        this.refresher = refresher;
    }

    /** Where the documents come from and how refreshes went. */
    @ReadOperation
    public Status status() {
        return new Status(source.document("{tenant}").toString().replace("%7Btenant%7D", "{tenant}"), refresher.successes(),
                refresher.failures(), refresher.rejected().stream().map(TenantId::value).sorted().toList());
    }

    /** Fetches every tenant's document now and installs what changed. */
    @WriteOperation
    public Refreshed refresh() {
        List<String> changed = refresher.refresh().stream().map(TenantId::value).sorted().toList();
        return new Refreshed(changed, status());
    }
}
