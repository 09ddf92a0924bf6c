package io.tenantkit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.tenantkit.context.MissingTenantException;
import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantStatus;
import io.tenantkit.tenant.UnknownTenantException;

import org.junit.jupiter.api.Test;

/** Tenant caches over real Caffeine caches, real thread pools and a real registry. */
class CaffeineTenantCacheTest {

    final Tenant jp = Tenant.builder("jp").build();
    final Tenant us = Tenant.builder("us").build();
    final TenantRegistry registry = TenantRegistry.of(jp, us);

    /** A value that says whose it is, so that a read under the wrong tenant is visible. */
    record Owned(TenantId tenant, int key, long version) {
    }

    @Test
    void randomInterleavedAccessFromManyTenantsAndThreadsNeverReadsAnotherTenantsEntry() throws Exception {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tenants.add(Tenant.builder("t" + i).build());
        }
        TenantRegistry many = TenantRegistry.of(tenants.toArray(Tenant[]::new));
        TenantCache<Integer, Owned> cache = TenantCacheBuilder.newBuilder("owned").spec("maximumSize=20").registry(many).build();
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger hits = new AtomicInteger();
        AtomicLong versions = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                long seed = w;
                done.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int op = 0; op < 20_000; op++) {
                        // Mostly the registry's own tenants (the snapshot slots and the guessed tenant), some declared
                        // ones (the map).
                        Tenant declared = tenants.get(random.nextInt(tenants.size()));
                        Tenant tenant = random.nextInt(4) == 0 ? declared : many.require(declared.id());
                        int key = random.nextInt(30); // the same keys under every tenant
                        int action = random.nextInt(10);
                        boolean explicit = random.nextBoolean();
                        TenantContext.runAs(tenant, () -> {
                            Owned read;
                            if (action < 5) {
                                read = explicit ? cache.getIfPresent(tenant.id(), key) : cache.getIfPresent(key);
                            } else if (action < 7) {
                                read = cache.get(key, (t, k) -> new Owned(t, k, versions.incrementAndGet()));
                            } else if (action < 9) {
                                Owned value = new Owned(tenant.id(), key, versions.incrementAndGet());
                                if (explicit) {
                                    cache.put(tenant.id(), key, value);
                                } else {
                                    cache.put(key, value);
                                }
                                read = null;
                            } else {
                                cache.invalidate(key);
                                read = null;
                            }
                            if (read != null) {
                                hits.incrementAndGet();
                                if (!read.tenant().equals(tenant.id()) || read.key() != key) {
                                    wrong.incrementAndGet();
                                }
                            }
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hits.get()).as("reads that found an entry").isGreaterThan(10_000);
        assertThat(wrong.get()).as("reads that found another tenant's entry").isZero();
    }

    @Test
    void theGuessedTenantsCacheIsNeverReturnedForAnotherTenant() {
        TenantCache<String, String> cache = TenantCacheBuilder.newBuilder("greetings").registry(registry).build();
        Tenant registeredJp = registry.require(jp.id());
        Tenant registeredUs = registry.require(us.id());
        cache.put(jp.id(), "hello", "konnichiwa");
        cache.put(us.id(), "hello", "hi");

        // jp's hit makes jp the guess; us then misses the guess on every call, and now and then becomes the guess.
        assertThat(TenantContext.supplyAs(registeredJp, () -> cache.getIfPresent("hello"))).isEqualTo("konnichiwa");
        for (int round = 0; round < 2_000; round++) {
            Tenant tenant = round % 3 == 0 ? registeredJp : registeredUs;
            String expected = tenant == registeredJp ? "konnichiwa" : "hi";
            assertThat(TenantContext.supplyAs(tenant, () -> cache.getIfPresent("hello"))).as("round %d, %s", round, tenant)
                    .isEqualTo(expected);
        }
    }

    @Test
    void theSameKeyHoldsOneValuePerTenant() {
        TenantCache<String, String> cache = TenantCacheBuilder.newBuilder("greetings").build();
        TenantContext.runAs(jp, () -> cache.put("hello", "konnichiwa"));
        TenantContext.runAs(us, () -> cache.put("hello", "hi"));

        assertThat(TenantContext.supplyAs(jp, () -> cache.getIfPresent("hello"))).isEqualTo("konnichiwa");
        assertThat(TenantContext.supplyAs(us, () -> cache.getIfPresent("hello"))).isEqualTo("hi");
        assertThat(cache.getIfPresent(TenantId.of("de"), "hello")).isNull();
    }

    @Test
    void invalidateTenantClearsOnlyThatTenant() {
        TenantCache<String, String> cache = TenantCacheBuilder.newBuilder("greetings").build();
        cache.put(jp.id(), "a", "jp-a");
        cache.put(jp.id(), "b", "jp-b");
        cache.put(us.id(), "a", "us-a");

        cache.invalidateTenant(jp.id());

        assertThat(cache.getIfPresent(jp.id(), "a")).isNull();
        assertThat(cache.getIfPresent(jp.id(), "b")).isNull();
        assertThat(cache.getIfPresent(us.id(), "a")).isEqualTo("us-a");
    }

    @Test
    void withoutATenantEveryCurrentTenantMethodFailsClosedNamingTheCache() {
        TenantLoadingCache<String, String> cache = TenantCacheBuilder.newBuilder("products").build((t, k) -> k);
        List<Runnable> calls = List.of(() -> cache.getIfPresent("k"), () -> cache.get("k"), () -> cache.get("k", (t, k) -> k),
                () -> cache.put("k", "v"), () -> cache.invalidate("k"));
        for (Runnable call : calls) {
            assertThatExceptionOfType(MissingTenantException.class).isThrownBy(call::run)
                    .withMessageContaining("tenant cache 'products' needs one");
        }
        assertThat(cache.tenants()).isEmpty();
    }

    @Test
    void suspendingOrRemovingATenantDropsItsEntries() {
        Tenant de = Tenant.builder("de").build();
        registry.replace(registry.snapshot().with(de));
        TenantCache<String, String> cache = TenantCacheBuilder.newBuilder("greetings").spec("recordStats").registry(registry).build();
        cache.put(jp.id(), "a", "jp-a");
        cache.put(us.id(), "a", "us-a");
        cache.put(de.id(), "a", "de-a");
        assertThat(cache.getIfPresent(jp.id(), "a")).isEqualTo("jp-a");
        Tenant registeredJp = registry.require(jp.id());
        assertThat(TenantContext.supplyAs(registeredJp, () -> cache.getIfPresent("a"))).as("through the snapshot's slot").isEqualTo("jp-a");

        registry.replace(registry.snapshot().with(jp.toBuilder().status(TenantStatus.SUSPENDED).build()).without(de.id()));

        assertThat(cache.tenants()).containsExactly(us.id());
        assertThat(cache.estimatedSize()).isEqualTo(1);
        assertThatIllegalStateException().isThrownBy(() -> cache.getIfPresent(jp.id(), "a"))
                .withMessage("Tenant 'jp' is suspended, so tenant cache 'greetings' holds nothing for it. Only active tenants are served.");
        assertThatExceptionOfType(UnknownTenantException.class).isThrownBy(() -> cache.getIfPresent(de.id(), "a"));
        assertThatIllegalStateException().as("the suspended tenant of the new snapshot, as current tenant")
                .isThrownBy(() -> TenantContext.runAs(registry.require(jp.id()), () -> cache.getIfPresent("a")));
        assertThatIllegalStateException().as("the tenant of the old snapshot, still current on some thread")
                .isThrownBy(() -> TenantContext.runAs(registeredJp, () -> cache.getIfPresent("a")));
        assertThat(cache.stats().hitCount()).as("the dropped tenant's two hits stay in the totals").isEqualTo(2);

        registry.replace(registry.snapshot().with(jp.toBuilder().status(TenantStatus.ACTIVE).build()));
        assertThat(cache.getIfPresent(jp.id(), "a")).as("reactivated: starts empty").isNull();
    }

    @Test
    void aTenantTheRegistryDoesNotDeclareGetsNoCache() {
        TenantCache<String, String> cache = TenantCacheBuilder.newBuilder("greetings").registry(registry).build();

        assertThatExceptionOfType(UnknownTenantException.class).isThrownBy(() -> cache.put(TenantId.of("fr"), "a", "x"))
                .withMessageContaining("Unknown tenant 'fr'");
        assertThat(cache.tenants()).isEmpty();
    }

    @Test
    void aRefreshOnAnotherThreadLoadsForTheTenantThatOwnsTheEntry() throws Exception {
        AtomicLong nanos = new AtomicLong();
        ExecutorService refresher = Executors.newSingleThreadExecutor();
        AtomicReference<Object> contextOnRefresh = new AtomicReference<>("not refreshed");
        AtomicInteger loads = new AtomicInteger();
        try {
            TenantLoadingCache<String, String> cache = TenantCacheBuilder.newBuilder("rates")
                    .caffeine(Caffeine.newBuilder().refreshAfterWrite(Duration.ofMinutes(1)).ticker(nanos::get).executor(refresher))
                    .build((tenant, key) -> {
                        int n = loads.incrementAndGet();
                        if (n > 2) {
                            contextOnRefresh.set(String.valueOf(TenantContext.currentOrNull()));
                        }
                        return tenant.value() + ":" + key + "#" + n;
                    });
            assertThat(TenantContext.supplyAs(jp, () -> cache.get("fx"))).isEqualTo("jp:fx#1");
            assertThat(TenantContext.supplyAs(us, () -> cache.get("fx"))).isEqualTo("us:fx#2");

            nanos.addAndGet(Duration.ofMinutes(2).toNanos());
            // The refresher is held busy, so the stale read returns the old value and leaves the refresh queued.
            CountDownLatch hold = new CountDownLatch(1);
            refresher.execute(() -> await(hold));
            assertThat(TenantContext.supplyAs(us, () -> cache.get("fx"))).isEqualTo("us:fx#2");
            hold.countDown();
            refresher.submit(() -> { }).get(10, TimeUnit.SECONDS);
            refresher.submit(() -> { }).get(10, TimeUnit.SECONDS);

            assertThat(cache.getIfPresent(us.id(), "fx")).isEqualTo("us:fx#3");
            // jp's entry is stale too: reading it may refresh it (on the refresher), always with jp's data.
            assertThat(cache.getIfPresent(jp.id(), "fx")).startsWith("jp:fx#");
            assertThat(contextOnRefresh.get()).as("the refresh ran without a tenant in the context").isEqualTo("null");
        } finally {
            refresher.shutdownNow();
        }
    }

    @Test
    void aBusyTenantCannotPushAQuietTenantBelowItsShare() {
        TenantCache<Integer, String> cache = TenantCacheBuilder.newBuilder("pages")
                .caffeine(Caffeine.newBuilder().maximumSize(100).executor(Runnable::run)).build();
        for (int k = 0; k < 100; k++) {
            cache.put(us.id(), k, "us-" + k);
        }
        for (int k = 0; k < 100_000; k++) {
            cache.put(jp.id(), k, "jp-" + k);
            cache.getIfPresent(jp.id(), k % 50);
        }

        for (int k = 0; k < 100; k++) {
            assertThat(cache.getIfPresent(us.id(), k)).isEqualTo("us-" + k);
        }
        assertThat(cache.estimatedSize(us.id())).isEqualTo(100);
        assertThat(cache.estimatedSize(jp.id())).isLessThanOrEqualTo(100 + 16);
    }

    @Test
    void aTenantsOwnCapacityOverridesTheSpecAndFollowsChanges() {
        Map<TenantId, Long> capacities = new ConcurrentHashMap<>(Map.of(jp.id(), 5L));
        TenantCache<Integer, Integer> cache = TenantCacheBuilder.newBuilder("pages")
                .caffeine(Caffeine.newBuilder().maximumSize(50).executor(Runnable::run))
                .capacity(t -> capacities.containsKey(t) ? OptionalLong.of(capacities.get(t)) : OptionalLong.empty())
                .build();
        fill(cache, jp.id(), 200);
        fill(cache, us.id(), 200);
        assertThat(cache.estimatedSize(jp.id())).isEqualTo(5);
        assertThat(cache.estimatedSize(us.id())).isEqualTo(50);

        capacities.put(jp.id(), 20L);
        cache.capacityChanged(jp.id());
        fill(cache, jp.id(), 200);
        assertThat(cache.estimatedSize(jp.id())).isEqualTo(20);
    }

    @Test
    void aCapacityWithoutABoundInTheSettingsIsRefusedNamingTenantAndCache() {
        TenantCache<Integer, Integer> cache = TenantCacheBuilder.newBuilder("pages").capacity(t -> OptionalLong.of(5)).build();

        assertThatIllegalStateException().isThrownBy(() -> cache.put(jp.id(), 1, 1))
                .withMessage("Tenant 'jp' has its own capacity 5 for tenant cache 'pages', but the cache has no bound to override: "
                        + "give it maximumSize (or maximumWeight with a weigher) in its settings.");
    }

    @Test
    void statisticsArePerTenant() {
        TenantCache<String, String> cache = TenantCacheBuilder.newBuilder("greetings").spec("maximumSize=10,recordStats").build();
        cache.put(jp.id(), "a", "x");
        cache.getIfPresent(jp.id(), "a");
        cache.getIfPresent(jp.id(), "a");
        cache.getIfPresent(us.id(), "a");

        assertThat(cache.stats(jp.id()).hitCount()).isEqualTo(2);
        assertThat(cache.stats(jp.id()).missCount()).isZero();
        assertThat(cache.stats(us.id()).missCount()).isEqualTo(1);
        assertThat(cache.stats().requestCount()).isEqualTo(3);
        assertThat(cache.stats(TenantId.of("de")).requestCount()).isZero();
    }

    @Test
    void aLoadersCheckedExceptionReachesTheCallerWrapped() {
        TenantCache<String, String> cache = TenantCacheBuilder.newBuilder("greetings").build();

        assertThatExceptionOfType(CompletionException.class)
                .isThrownBy(() -> cache.get(jp.id(), "a", (t, k) -> {
                    throw new IOException("backend down");
                }))
                .withCauseInstanceOf(IOException.class);
        assertThat(cache.getIfPresent(jp.id(), "a")).isNull();
    }

    @Test
    void badSettingsFailWhenTheCacheIsBuiltNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantCacheBuilder.newBuilder("pages").spec("maximumSize=lots"))
                .withMessageStartingWith("Tenant cache 'pages' has an invalid Caffeine spec \"maximumSize=lots\": ");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TenantCacheBuilder.newBuilder("pages").spec("refreshAfterWrite=1m").build())
                .withMessageStartingWith("Tenant cache 'pages' cannot be built with its settings: ")
                .withMessageEndingWith("refreshAfterWrite needs a loader: build it with build(TenantLoader).");
        assertThatIllegalArgumentException().isThrownBy(() -> TenantCacheBuilder.newBuilder(" "))
                .withMessage("A tenant cache needs a name (used in errors and metrics); got \" \".");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fill(TenantCache<Integer, Integer> cache, TenantId tenant, int n) {
        for (int k = 0; k < n; k++) {
            cache.put(tenant, k, k);
        }
    }
}
