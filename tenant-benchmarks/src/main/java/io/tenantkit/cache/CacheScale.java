package io.tenantkit.cache;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.tenantkit.tenant.TenantId;

import org.jspecify.annotations.Nullable;
import org.openjdk.jol.info.GraphLayout;

/**
 * The tenant cache scale program: the two designs side by side, a Caffeine cache per tenant (what
 * {@link TenantCacheBuilder} builds) and one shared Caffeine cache under (tenant, key) keys with the same total bound.
 *
 * <ul>
 *   <li>heap per tenant: used heap after a full GC, per empty tenant (its cache created, nothing in it) and per full
 *       tenant ({@value #CAPACITY} entries of a small key and value), and per empty tenant counted by JOL;</li>
 *   <li>hit rate and get throughput under skew: one tenant sends 90% of the requests, the others share the rest
 *       evenly; each tenant asks for keys of its own with a Zipf distribution (s = {@value #ZIPF_S}) over
 *       {@value #KEY_SPACE} keys; a miss loads (puts) the key. Each tenant's bound is {@value #CAPACITY} entries, the
 *       shared cache's is tenants x {@value #CAPACITY}; a third run gives the busy tenant its own capacity of {@value #BUSY_CAPACITY} (what
 *       {@code tenantkit.cache.capacity.<name>} in its configuration does). Reported: overall hit rate, the busy tenant's, the quiet
 *       tenants' (all their requests together), and requests per second on one thread (a noisy figure: use the JMH
 *       benchmark TenantCacheBenchmark for the cost of a hit).</li>
 * </ul>
 *
 * <p>Run (fixed heap, Serial GC for a stable after-GC figure): {@code java -Xms2g -Xmx2g -XX:+UseSerialGC -cp
 * tenant-benchmarks/target/benchmarks.jar io.tenantkit.cache.CacheScale 10 10000}
 */
public final class CacheScale {

    static final int CAPACITY = 100;
    static final int KEY_SPACE = 1_000;
    static final double ZIPF_S = 0.9;
    static final double BUSY_SHARE = 0.9;
    static final int BUSY_CAPACITY = 1_000;

    /** A key of the shared cache. */
    record TenantKey(TenantId tenant, int key) {
    }

    private static @Nullable Object sink;

    private CacheScale() {
    }

    /** Measures each tenant count of {@code args} (default 10 and 10,000) and prints the figures. */
    public static void main(String[] args) {
        int[] counts = args.length == 0 ? new int[] {10, 10_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        // Heap figures need many tenants to rise above the noise of a GC: measured over at least 10,000.
        Arrays.stream(counts).map(n -> Math.max(n, 10_000)).distinct().forEach(CacheScale::memory);
        for (int n : counts) {
            skew(n, Math.max(2_000_000, n * 400));
        }
    }

    private static void memory(int n) {
        TenantId[] ids = ids(n);
        long before = usedAfterGc();
        TenantCache<Integer, Integer> perTenant = TenantCacheBuilder.newBuilder("scale").spec("maximumSize=" + CAPACITY).build();
        for (TenantId id : ids) {
            perTenant.getIfPresent(id, 0);
        }
        long empty = usedAfterGc();
        fill(ids, (id, k) -> {
            perTenant.put(id, k, k);
            return true;
        });
        long full = usedAfterGc();
        sink = perTenant;
        sink = null;
        long before2 = usedAfterGc();
        Cache<TenantKey, Integer> shared = Caffeine.newBuilder().maximumSize((long) CAPACITY * n).build();
        fill(ids, (id, k) -> {
            shared.put(new TenantKey(id, k), k);
            return true;
        });
        long sharedFull = usedAfterGc();
        sink = shared;
        System.out.printf("tenants=%d (GC delta): cache per tenant: %d bytes per empty tenant, %d bytes per full tenant "
                + "(%d entries); shared cache: %d bytes per full tenant%n", n, (empty - before) / n, (full - before) / n, CAPACITY,
                (sharedFull - before2) / n);
        sink = null;
        // JOL: the object graph of 200 tenants' caches less that of 100, per tenant (shared objects cancel out).
        TenantCache<Integer, Integer> counted = TenantCacheBuilder.newBuilder("scale").spec("maximumSize=" + CAPACITY).build();
        long[] sizes = new long[2];
        for (int round = 0; round < 2; round++) {
            for (int t = round * 100; t < (round + 1) * 100; t++) {
                counted.getIfPresent(ids[t], 0);
            }
            sizes[round] = GraphLayout.parseInstance(counted).totalSize();
        }
        System.out.printf("tenants=100 more (JOL): cache per tenant: %d bytes per empty tenant%n", (sizes[1] - sizes[0]) / 100);
    }

    private static void fill(TenantId[] ids, BiPredicate<TenantId, Integer> put) {
        for (TenantId id : ids) {
            for (int k = 0; k < CAPACITY; k++) {
                put.test(id, k);
            }
        }
    }

    private static void skew(int n, int requests) {
        TenantId[] ids = ids(n);
        double[] zipf = zipfCdf();
        int[] tenantOf = new int[requests];
        int[] keyOf = new int[requests];
        SplittableRandom random = new SplittableRandom(42);
        for (int r = 0; r < requests; r++) {
            tenantOf[r] = random.nextDouble() < BUSY_SHARE ? 0 : 1 + random.nextInt(n - 1);
            keyOf[r] = sample(zipf, random.nextDouble());
        }
        TenantCache<Integer, Integer> perTenant = TenantCacheBuilder.newBuilder("scale").spec("maximumSize=" + CAPACITY).build();
        Result a = replay("cache per tenant", n, tenantOf, keyOf, (t, k) -> {
            if (perTenant.getIfPresent(ids[t], k) != null) {
                return true;
            }
            perTenant.put(ids[t], k, k);
            return false;
        });
        Cache<TenantKey, Integer> shared = Caffeine.newBuilder().maximumSize((long) CAPACITY * n).build();
        Result b = replay("shared cache", n, tenantOf, keyOf, (t, k) -> {
            TenantKey key = new TenantKey(ids[t], k);
            if (shared.getIfPresent(key) != null) {
                return true;
            }
            shared.put(key, k);
            return false;
        });
        TenantCache<Integer, Integer> raised = TenantCacheBuilder.newBuilder("scale").spec("maximumSize=" + CAPACITY)
                .capacity(id -> id.equals(ids[0]) ? OptionalLong.of(BUSY_CAPACITY) : OptionalLong.empty()).build();
        Result c = replay("cache per tenant, busy tenant's capacity " + BUSY_CAPACITY, n, tenantOf, keyOf, (t, k) -> {
            if (raised.getIfPresent(ids[t], k) != null) {
                return true;
            }
            raised.put(ids[t], k, k);
            return false;
        });
        System.out.println(a);
        System.out.println(b);
        System.out.println(c);
    }

    record Result(String design, int tenants, int requests, double hitRate, double busyHitRate, double quietHitRate,
            double requestsPerSecond) {

        @Override
        public String toString() {
            return String.format("tenants=%d, %s: %d requests, hit rate %.1f%% (busy tenant %.1f%%, quiet tenants %.1f%%), "
                    + "%.1f M requests/s on one thread", tenants, design, requests, hitRate * 100, busyHitRate * 100,
                    quietHitRate * 100, requestsPerSecond / 1e6);
        }
    }

    private static Result replay(String design, int n, int[] tenantOf, int[] keyOf, BiPredicate<Integer, Integer> request) {
        long busy = 0;
        long busyHits = 0;
        long quietHits = 0;
        long start = System.nanoTime();
        for (int r = 0; r < tenantOf.length; r++) {
            boolean hit = request.test(tenantOf[r], keyOf[r]);
            if (tenantOf[r] == 0) {
                busy++;
                busyHits += hit ? 1 : 0;
            } else {
                quietHits += hit ? 1 : 0;
            }
        }
        long nanos = System.nanoTime() - start;
        long quiet = tenantOf.length - busy;
        return new Result(design, n, tenantOf.length, (double) (busyHits + quietHits) / tenantOf.length, (double) busyHits / busy,
                quiet == 0 ? 0 : (double) quietHits / quiet, tenantOf.length * 1e9 / nanos);
    }

    private static double[] zipfCdf() {
        double[] cdf = new double[KEY_SPACE];
        double sum = 0;
        for (int k = 0; k < KEY_SPACE; k++) {
            sum += 1 / Math.pow(k + 1, ZIPF_S);
            cdf[k] = sum;
        }
        for (int k = 0; k < KEY_SPACE; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }

    private static int sample(double[] cdf, double u) {
        int i = Arrays.binarySearch(cdf, u);
        return Math.min(i >= 0 ? i : -i - 1, cdf.length - 1);
    }

    private static TenantId[] ids(int n) {
        List<TenantId> ids = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            ids.add(TenantId.of("t" + t));
        }
        return ids.toArray(TenantId[]::new);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
