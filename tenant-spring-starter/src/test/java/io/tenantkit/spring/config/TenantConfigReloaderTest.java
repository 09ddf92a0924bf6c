package io.tenantkit.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantkit.config.ConfigDefaults;
import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigDirectory;
import io.tenantkit.config.TenantConfigGeneration;
import io.tenantkit.config.TenantConfigStore;
import io.tenantkit.tenant.Tenant;
import io.tenantkit.tenant.TenantId;
import io.tenantkit.tenant.TenantRegistry;
import io.tenantkit.tenant.TenantSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantConfigReloaderTest {

    static final TenantId DE = TenantId.of("de");

    @TempDir
    Path dir;

    final TenantRegistry registry = new TenantRegistry(TenantSnapshot.of(Tenant.builder("de").build()));

    TenantConfigDirectory directory() {
        return new TenantConfigDirectory(dir, message -> { });
    }

    TenantConfigStore store() {
        return new TenantConfigStore(TenantConfigGeneration.of(registry.snapshot(), Map.of(), directory().readAll(), ConfigDefaults.NONE));
    }

    TenantConfigReloader reloader(TenantConfigStore store) {
        return new TenantConfigReloader(directory(), store, registry, Duration.ofHours(1));
    }

    @Test
    void aRewriteOfTheSameSizeWithinTheTimeStampGranularityIsReloaded() throws IOException {
        Path file = dir.resolve("de.yml");
        Files.writeString(file, "fees.rate: 0.01\n");
        FileTime stamp = Files.getLastModifiedTime(file);
        TenantConfigStore store = store();
        TenantConfigReloader reloader = reloader(store);
        assertThat(reloader.reload()).isEmpty();

        Files.writeString(file, "fees.rate: 0.02\n");
        Files.setLastModifiedTime(file, stamp); // as a file system with coarse time stamps would leave it
        assertThat(Files.size(file)).isEqualTo("fees.rate: 0.01\n".length());

        assertThat(reloader.reload()).containsExactly(DE);
        assertThat(store.latest().value(DE, "fees.rate")).map(ConfigValue::value).hasValue("0.02");
        assertThat(reloader.reload()).isEmpty();
    }

    @Test
    void aFileLeftAloneIsNotReloaded() throws IOException {
        Path file = dir.resolve("de.yml");
        Files.writeString(file, "fees.rate: 0.01\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        TenantConfigStore store = store();
        TenantConfigReloader reloader = reloader(store);

        assertThat(reloader.reload()).isEmpty();
        assertThat(reloader.successes()).isZero();
    }
}
