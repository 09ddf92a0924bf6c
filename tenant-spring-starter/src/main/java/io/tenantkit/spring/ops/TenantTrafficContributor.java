package io.tenantkit.spring.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tenantkit.spring.actuate.TenantEndpointContributor;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantSnapshot;
import io.tenantkit.tenant.TenantTagValues;

import org.jspecify.annotations.Nullable;

/**
 * Adds {@code traffic} to {@code GET /actuator/tenants}: for every tenant, the HTTP requests it has served
 * ({@code requests}) and how many ended in a client error ({@code clientErrors}, 4xx) or a server error
 * ({@code serverErrors}, 5xx), read from the {@code http.server.requests} timers and their {@code tenant} and
 * {@code outcome} tags; requests with no known tenant are listed under {@code unknown} and {@code none} when there
 * are any. Counts are what the registry holds (since start for Boot's cumulative registries); the operations page
 * turns two reads into a rate.
 */
public final class TenantTrafficContributor implements TenantEndpointContributor {

    /** The timer Spring MVC records requests with. */
    static final String REQUESTS = "http.server.requests";

    private final MeterRegistry meters;

    /** A contributor reading {@code meters}. */
    public TenantTrafficContributor(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public String name() {
        return "traffic";
    }

    @Override
    public @Nullable Object contribute(TenantSnapshot snapshot) {
        Map<String, Traffic> byTenant = new LinkedHashMap<>();
        for (Tenant tenant : snapshot.all()) {
            byTenant.put(tenant.id().value(), Traffic.NONE);
        }
        for (Timer timer : meters.find(REQUESTS).timers()) {
            String tenant = timer.getId().getTag(TenantTagValues.KEY);
            if (tenant == null || !(byTenant.containsKey(tenant) || isUntenanted(tenant))) {
                continue;
            }
            byTenant.merge(tenant, Traffic.of(timer), Traffic::plus);
        }
        return byTenant;
    }

    private static boolean isUntenanted(String tag) {
        return tag.equals(TenantTagValues.UNKNOWN) || tag.equals(TenantTagValues.NONE);
    }

    /**
     * The requests of one tenant.
     *
     * @param requests every request
     * @param clientErrors the requests answered with a 4xx status
     * @param serverErrors the requests answered with a 5xx status
     */
    public record Traffic(long requests, long clientErrors, long serverErrors) {

        static final Traffic NONE = new Traffic(0, 0, 0);

        static Traffic of(Timer timer) {
            long count = timer.count();
            String outcome = String.valueOf(timer.getId().getTag("outcome"));
            return new Traffic(count, outcome.equals("CLIENT_ERROR") ? count : 0, outcome.equals("SERVER_ERROR") ? count : 0);
        }

        Traffic plus(Traffic other) {
            return new Traffic(requests + other.requests, clientErrors + other.clientErrors,
                    serverErrors + other.serverErrors);
        }
    }
}
