package io.tenantkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.tenantkit.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantConfigDirectoryTest {

    @TempDir
    Path dir;

    final List<String> ignored = new ArrayList<>();

    @Test
    void onlyFilesNamedAfterValidTenantIdsAreReadTheOthersAreReported() throws Exception {
        Files.writeString(dir.resolve("de.yml"), "marketplace.fees.rate: 0.06\n");
        Files.writeString(dir.resolve("DE.yml"), "x: 1\n");
        Files.writeString(dir.resolve("..yml"), "x: 1\n");
        Files.writeString(dir.resolve("de\u202e.yml"), "x: 1\n");
        Files.writeString(dir.resolve("notes.txt"), "x: 1\n");
        Files.createDirectory(dir.resolve("us.yml"));
        Files.createSymbolicLink(dir.resolve("jp.yml"), dir.resolve("de.yml"));

        var files = new TenantConfigDirectory(dir, ignored::add).readAll();

        assertThat(files).containsOnlyKeys(TenantId.of("de"));
        assertThat(files.get(TenantId.of("de")).configuration().get("marketplace.fees.rate").origin())
                .isEqualTo(new ConfigOrigin(ConfigOrigin.OPERATOR, "de", dir.resolve("de.yml").toString(), 1));
        assertThat(ignored).hasSize(6).noneMatch(m -> m.contains("\u202e"));
    }

    @Test
    void aMissingDirectoryHoldsNoFiles() {
        assertThat(new TenantConfigDirectory(dir.resolve("absent"), ignored::add).readAll()).isEmpty();
    }

    @Test
    void everyUnreadableFileIsReportedAtOnce() throws Exception {
        Files.writeString(dir.resolve("de.yml"), "a: [\n");
        Files.writeString(dir.resolve("us.yml"), "- not a map\n");

        assertThatExceptionOfType(TenantConfigException.class)
                .isThrownBy(() -> new TenantConfigDirectory(dir, ignored::add).readAll())
                .satisfies(e -> assertThat(e.problems()).extracting(TenantConfigException.Problem::tenant).containsExactly("de", "us"));
    }
}
