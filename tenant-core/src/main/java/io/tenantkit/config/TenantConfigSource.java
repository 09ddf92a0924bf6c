package io.tenantkit.config;

import io.tenantkit.tenant.TenantId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where operator tenant files come from: the strongest layer of each tenant's configuration.
 * {@link TenantConfigDirectory} (a directory of {@code <id>.yml} files) is the default; a fleet feeds the
 * same files from a shared source (a config server, a Git-backed pipeline, Nacos namespaces) by implementing
 * this interface or by writing the directory. See docs/configuration.md.
 */
public interface TenantConfigSource {

    /**
     * Every tenant file this source holds now, by tenant.
     *
     * @throws TenantConfigException listing every file that cannot be read
     */
    Map<TenantId, TenantFile> readAll();

    /**
     * The file of one tenant as it is now, null if the source has none for it.
     *
     * @throws TenantConfigException if it cannot be read
     */
    @Nullable TenantFile read(TenantId tenant);
}
