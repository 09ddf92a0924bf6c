package io.tenantkit.extension;

import java.util.List;
import java.util.Objects;

import io.tenantkit.tenant.TenantId;

/**
 * How every extension point resolves for every tenant, as data for tools and the actuator. Rows are
 * tenants in snapshot order, columns points ordered by name. Returned by {@link ExtensionRegistry#matrix()}.
 *
 * @param tenants the tenants, in snapshot order
 * @param points the extension points, ordered by class name
 * @param resolutions one resolution per tenant and point, tenant-major
 */
public record ResolutionMatrix(List<TenantId> tenants, List<Class<?>> points, List<ExtensionResolution> resolutions) {

    /** Copies the lists (tenants and points indexed, so that {@link #get} is a hash lookup) and checks their sizes agree. */
    public ResolutionMatrix {
        tenants = new IndexedList<>(tenants);
        points = new IndexedList<>(points);
        resolutions = List.copyOf(resolutions);
        if (resolutions.size() != tenants.size() * points.size()) {
            throw new IllegalArgumentException("Expected " + tenants.size() * points.size() + " resolutions, got " + resolutions.size());
        }
    }

    /**
     * The resolution of {@code point} for {@code tenant}, in constant time.
     *
     * @throws IllegalArgumentException if the matrix has no such tenant or point
     */
    public ExtensionResolution get(TenantId tenant, Class<?> point) {
        int row = tenants.indexOf(Objects.requireNonNull(tenant, "tenant"));
        int column = points.indexOf(Objects.requireNonNull(point, "point"));
        if (row < 0 || column < 0) {
            throw new IllegalArgumentException("The resolution matrix has no " + (row < 0 ? "tenant '" + tenant + "'"
                    : "extension point " + point.getName()) + "; tenants " + tenants + ", points " + points.stream().map(Class::getName).toList());
        }
        return resolutions.get(row * points.size() + column);
    }

    /** A plain-text table: a row per tenant, a column per point, each cell the answering class or {@code -}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("tenant");
        for (Class<?> p : points) {
            out.append('\t').append(p.getSimpleName());
        }
        for (int r = 0; r < tenants.size(); r++) {
            out.append('\n').append(tenants.get(r));
            for (int c = 0; c < points.size(); c++) {
                ExtensionResolution res = resolutions.get(r * points.size() + c);
                out.append('\t').append(res.answer().map(a -> a.binding().implementationType().getSimpleName() + "@" + a.levelName()).orElse("-"));
            }
        }
        return out.toString();
    }
}
