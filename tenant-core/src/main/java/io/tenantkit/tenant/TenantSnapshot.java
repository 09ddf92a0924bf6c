package io.tenantkit.tenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * An immutable, validated set of tenants. Each tenant has a dense index ({@code 0 .. size()-1}, in
 * declaration order) that is valid for this snapshot only; dispatch tables built from a snapshot are
 * indexed by it.
 *
 * <p>{@link #of(Collection)} rejects duplicate ids, parents that are not declared, and parent
 * cycles, naming the tenants involved.
 */
public final class TenantSnapshot {

    private static final TenantSnapshot EMPTY = new TenantSnapshot(List.of());

    private final Tenant[] tenants;
    private final int[] parentIndex;
    private final Map<TenantId, Tenant> byId;
    private final List<Tenant> all;
    private final List<Tenant> active;

    private TenantSnapshot(Collection<Tenant> declared) {
        int n = declared.size();
        this.tenants = new Tenant[n];
        this.byId = new HashMap<>(Math.max(4, n * 4 / 3 + 1));
        int i = 0;
        for (Tenant t : declared) {
            Objects.requireNonNull(t, "tenants must not contain null");
            Tenant registered = t.registeredIn(this, i);
            Tenant previous = byId.putIfAbsent(t.id(), registered);
            if (previous != null) {
                throw new TenantDeclarationException(TenantDeclarationException.Kind.DUPLICATE_ID, List.of(t.id()),
                        "Tenant '" + t.id() + "' is declared twice: " + previous + " and " + t
                        + ". Each tenant id may be declared once; merge the two declarations.");
            }
            tenants[i++] = registered;
        }
        this.parentIndex = new int[n];
        for (Tenant t : tenants) {
            TenantId parent = t.parent().orElse(null);
            if (parent == null) {
                parentIndex[t.index] = -1;
            } else {
                Tenant p = byId.get(parent);
                if (p == null) {
                    throw new TenantDeclarationException(TenantDeclarationException.Kind.UNDECLARED_PARENT, List.of(t.id(), parent),
                            "Tenant '" + t.id() + "' names parent '" + parent
                            + "', which is not declared. Declare tenant '" + parent + "' (status INACTIVE if it is only a region or group) or fix the parent of '" + t.id() + "'.");
                }
                parentIndex[t.index] = p.index;
            }
        }
        for (Tenant t : tenants) {
            checkNoCycle(t);
        }
        this.all = List.of(tenants);
        this.active = all.stream().filter(Tenant::isActive).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Validates {@code tenants} and builds a snapshot; indexes follow the iteration order.
     *
     * @throws TenantDeclarationException on a duplicate id, an undeclared parent or a parent cycle
     */
    public static TenantSnapshot of(Collection<Tenant> tenants) {
        return tenants.isEmpty() ? EMPTY : new TenantSnapshot(List.copyOf(tenants));
    }

    /** Same as {@link #of(Collection)}. */
    public static TenantSnapshot of(Tenant... tenants) {
        return of(Arrays.asList(tenants));
    }

    /** The snapshot with no tenants. */
    public static TenantSnapshot empty() {
        return EMPTY;
    }

    /**
     * Returns a new snapshot with {@code tenant} added, or replacing the tenant with the same id in
     * place (keeping its index).
     */
    public TenantSnapshot with(Tenant tenant) {
        List<Tenant> next = new ArrayList<>(all);
        Tenant existing = byId.get(tenant.id());
        if (existing == null) {
            next.add(tenant);
        } else {
            next.set(existing.index, tenant);
        }
        return of(next);
    }

    /** Returns a new snapshot without the tenant {@code id}; it must not be anyone's parent. */
    public TenantSnapshot without(TenantId id) {
        List<Tenant> next = new ArrayList<>(all);
        next.removeIf(t -> t.id().equals(id));
        return of(next);
    }

    /** The number of tenants. */
    public int size() {
        return tenants.length;
    }

    /** All tenants, in index order. */
    public List<Tenant> all() {
        return all;
    }

    /** The {@link TenantStatus#ACTIVE active} tenants, in index order. */
    public List<Tenant> active() {
        return active;
    }

    /** The tenant at {@code index}. */
    Tenant get(int index) {
        return tenants[index];
    }

    /** The tenant with this id, if declared. */
    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The tenant with this id, or null. */
    public @Nullable Tenant findOrNull(TenantId id) {
        return byId.get(id);
    }

    /**
     * The tenant with this id.
     *
     * @throws UnknownTenantException if no tenant has this id
     */
    public Tenant require(TenantId id) {
        Tenant t = byId.get(id);
        if (t == null) {
            throw new UnknownTenantException(id, byId.keySet());
        }
        return t;
    }

    /** The index of the tenant with this id, or -1. */
    public int indexOf(TenantId id) {
        Tenant t = byId.get(id);
        return t == null ? -1 : t.index;
    }

    /**
     * The index of {@code tenant} in this snapshot, or -1 if no tenant with its id is declared here.
     * Costs a reference check and a field read for a tenant obtained from this snapshot; a map
     * lookup otherwise.
     */
    public int indexOf(Tenant tenant) {
        return tenant.owner == this ? tenant.index : indexOf(tenant.id());
    }

    /**
     * The index of {@code tenant} if it is this snapshot's own instance (one that {@link #all()},
     * {@link #find} or {@link #require} handed out), else -1, even when a tenant with its id is
     * declared here: a reference check and a field read, for tables built for this very snapshot
     * (extension dispatch answers a tenant from the tables of the snapshot it came from).
     */
    public int indexOfOwn(Tenant tenant) {
        return tenant.owner == this ? tenant.index : -1;
    }

    /** The index of the parent of the tenant at {@code index}, or -1 if it has none. */
    int parentIndexOf(int index) {
        return parentIndex[index];
    }

    /** The tenant {@code id} followed by its parents, nearest first. */
    public List<Tenant> lineage(TenantId id) {
        List<Tenant> chain = new ArrayList<>(4);
        for (int i = require(id).index; i >= 0; i = parentIndex[i]) {
            chain.add(tenants[i]);
        }
        return Collections.unmodifiableList(chain);
    }

    private void checkNoCycle(Tenant start) {
        // A chain that runs into a cycle without being part of it is reported when a member is checked.
        int steps = 0;
        for (int i = parentIndex[start.index]; i >= 0 && steps <= tenants.length; i = parentIndex[i], steps++) {
            if (i == start.index) {
                List<TenantId> path = new ArrayList<>();
                path.add(start.id());
                for (int j = parentIndex[start.index]; j != start.index; j = parentIndex[j]) {
                    path.add(tenants[j].id());
                }
                path.add(start.id());
                throw new TenantDeclarationException(TenantDeclarationException.Kind.PARENT_CYCLE, path, "Tenant parents form a cycle: "
                        + path.stream().map(TenantId::value).collect(Collectors.joining(" -> "))
                        + ". A parent chain must end at a tenant without a parent; fix the parent of one of these tenants.");
            }
        }
    }

    @Override
    public String toString() {
        return "TenantSnapshot" + byId.keySet();
    }
}
