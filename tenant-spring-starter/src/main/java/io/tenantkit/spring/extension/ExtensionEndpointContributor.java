package io.tenantkit.spring.extension;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.tenantkit.extension.ExtensionRegistry;
import io.tenantkit.extension.ExtensionResolution;
import io.tenantkit.extension.ResolutionMatrix;
import io.tenantkit.spring.actuate.TenantEndpointContributor;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * Shows the extension resolution matrix in the {@code tenants} actuator endpoint, under
 * {@code details.extensions}: for every tenant and extension point, the implementation that answers
 * and the level of the tenant's chain it is bound to; for one tenant, the whole chain and every
 * candidate, in the order calls see them. An application without extension points gets no entry.
 */
public final class ExtensionEndpointContributor implements TenantEndpointContributor {

    private final ExtensionRegistry extensions;

    /** A contributor reading {@code extensions}. */
    ExtensionEndpointContributor(ExtensionRegistry extensions) {
        this.extensions = Objects.requireNonNull(extensions, "extensions");
    }

    @Override
    public String name() {
        return "extensions";
    }

    @Override
    public @Nullable Object contribute(TenantSnapshot snapshot) {
        if (extensions.points().isEmpty()) {
            return null;
        }
        ResolutionMatrix matrix = extensions.matrix();
        Map<String, Map<String, Object>> byTenant = new LinkedHashMap<>();
        for (TenantId tenant : matrix.tenants()) {
            Map<String, Object> byPoint = new LinkedHashMap<>();
            for (Class<?> point : matrix.points()) {
                byPoint.put(point.getName(), answer(matrix.get(tenant, point)));
            }
            byTenant.put(tenant.value(), byPoint);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("points", matrix.points().stream().map(Class::getName).toList());
        out.put("matrix", byTenant);
        out.put("warnings", extensions.warnings());
        return out;
    }

    @Override
    public @Nullable Object contribute(Tenant tenant, TenantSnapshot snapshot) {
        if (extensions.points().isEmpty()) {
            return null;
        }
        Map<String, Object> byPoint = new LinkedHashMap<>();
        for (Class<?> point : extensions.points()) {
            ExtensionResolution resolution = extensions.explain(tenant.id(), point);
            Map<String, Object> entry = answer(resolution);
            entry.put("chain", resolution.lineage().stream().map(TenantId::value).toList());
            entry.put("candidates", resolution.candidates().stream().map(c -> {
                Map<String, Object> candidate = implementationAt(c.binding().implementationType(), c.levelName());
                candidate.put("priority", c.binding().priority());
                return candidate;
            }).toList());
            byPoint.put(point.getName(), entry);
        }
        return byPoint;
    }

    private static Map<String, Object> answer(ExtensionResolution resolution) {
        return resolution.answer()
                .map(c -> implementationAt(c.binding().implementationType(), c.levelName()))
                .orElseGet(() -> new LinkedHashMap<>(Map.of("level", "none")));
    }

    /** Ordered, so that the endpoint's JSON reads the same on every call. */
    private static Map<String, Object> implementationAt(Class<?> implementation, String level) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("implementation", implementation.getName());
        out.put("level", level);
        return out;
    }
}
