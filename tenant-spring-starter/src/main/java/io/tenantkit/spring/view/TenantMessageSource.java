package io.tenantkit.spring.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.tenantkit.context.TenantContext;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A {@link MessageSource} that looks a code up in the current tenant's own bundle first, then in its
 * parents' bundles ({@code jp → apac}), then in the shared bundle (its parent message source, such as
 * {@code messages.properties}). Without a current tenant it answers from the shared bundle only.
 * The starter puts it in front of the message source Spring Boot builds from {@code spring.messages.*}.
 *
 * <p>A tenant's bundle is {@code tenants/<id>/messages*.properties} by default (a tenant module ships
 * it in its jar); a tenant without one is skipped at no cost. The chains follow the registry: they
 * are rebuilt for a new snapshot.
 */
public final class TenantMessageSource extends AbstractMessageSource {

    /** The default bundle base name pattern; {@code {tenant}} stands for the tenant id. */
    public static final String DEFAULT_BASENAME_PATTERN = "tenants/{tenant}/messages";

    private final TenantRegistry registry;
    private final String basenamePattern;
    private final Charset encoding;
    private final PathMatchingResourcePatternResolver resources;
    private final Map<TenantId, TenantBundle> bundles = new ConcurrentHashMap<>();
    private volatile Chains chains;

    /**
     * A message source for the tenants of {@code registry}.
     *
     * @param registry the tenants; chains follow its snapshot
     * @param shared the shared bundle, asked last; null for none
     * @param basenamePattern bundle base name with {@code {tenant}} for the id, such as {@value #DEFAULT_BASENAME_PATTERN}
     * @param encoding encoding of the bundle files
     * @param classLoader where the bundles are found
     */
    public TenantMessageSource(TenantRegistry registry, @Nullable MessageSource shared, String basenamePattern, Charset encoding,
            @Nullable ClassLoader classLoader) {
        this.registry = Objects.requireNonNull(registry, "registry");
        if (!basenamePattern.contains("{tenant}")) {
            throw new IllegalArgumentException("The tenant message bundle pattern '" + basenamePattern
                    + "' must contain {tenant}, such as " + DEFAULT_BASENAME_PATTERN + ".");
        }
        this.basenamePattern = basenamePattern;
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.resources = new PathMatchingResourcePatternResolver(classLoader);
        setParentMessageSource(shared);
        this.chains = new Chains(registry.snapshot());
    }

    @Override
    protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            return null;
        }
        for (TenantBundle bundle : chain(tenant)) {
            MessageFormat format = bundle.format(code, locale);
            if (format != null) {
                return format;
            }
        }
        return null;
    }

    @Override
    protected @Nullable String resolveCodeWithoutArguments(String code, Locale locale) {
        Tenant tenant = TenantContext.currentOrNull();
        if (tenant == null) {
            return null;
        }
        for (TenantBundle bundle : chain(tenant)) {
            String message = bundle.message(code, locale);
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    private TenantBundle[] chain(Tenant tenant) {
        Chains current = chains;
        TenantSnapshot snapshot = registry.snapshot();
        if (current.snapshot != snapshot) {
            current = new Chains(snapshot);
            chains = current;
        }
        TenantBundle[] chain = current.byId.get(tenant.id());
        return chain != null ? chain : current.byId.computeIfAbsent(tenant.id(), id -> buildChain(snapshot, id));
    }

    private TenantBundle[] buildChain(TenantSnapshot snapshot, TenantId id) {
        List<TenantBundle> chain = new ArrayList<>();
        if (snapshot.findOrNull(id) == null) {
            return new TenantBundle[0];
        }
        for (Tenant t : snapshot.lineage(id)) {
            TenantBundle bundle = bundles.computeIfAbsent(t.id(), this::loadBundle);
            if (bundle != TenantBundle.NONE) {
                chain.add(bundle);
            }
        }
        return chain.toArray(new TenantBundle[0]);
    }

    private TenantBundle loadBundle(TenantId id) {
        String basename = basenamePattern.replace("{tenant}", id.value());
        try {
            if (resources.getResources("classpath*:" + basename + "*.properties").length == 0) {
                return TenantBundle.NONE;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not look for the message bundle " + basename + " of tenant '" + id + "'.", e);
        }
        TenantBundle bundle = new TenantBundle();
        bundle.setBasename(basename);
        bundle.setDefaultEncoding(encoding.name());
        bundle.setFallbackToSystemLocale(false);
        bundle.setBundleClassLoader(resources.getClassLoader());
        return bundle;
    }

    /** The bundle chains of one snapshot, built on first use per tenant. */
    private static final class Chains {

        final TenantSnapshot snapshot;
        final Map<TenantId, TenantBundle[]> byId = new ConcurrentHashMap<>();

        Chains(TenantSnapshot snapshot) {
            this.snapshot = snapshot;
        }
    }

    /** One tenant's bundle; exposes the protected lookups of its superclass. */
    static final class TenantBundle extends ResourceBundleMessageSource {

        static final TenantBundle NONE = new TenantBundle();

        @Nullable MessageFormat format(String code, Locale locale) {
            return resolveCode(code, locale);
        }

        @Nullable String message(String code, Locale locale) {
            return resolveCodeWithoutArguments(code, locale);
        }
    }
}
