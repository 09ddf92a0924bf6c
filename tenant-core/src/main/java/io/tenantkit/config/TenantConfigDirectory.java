package io.tenantkit.config;

import io.tenantkit.tenant.InvalidTenantIdException;
import io.tenantkit.tenant.TenantId;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The operator directory ({@code tenantkit.config.dir}): one {@code <id>.yml} per tenant, read as the
 * {@link ConfigOrigin#OPERATOR operator} layer. Only regular files (no links) named after a valid tenant id
 * are read; any other entry (a hostile or misspelt name, {@code ../x.yml}, a link, a directory) is
 * reported to the {@code ignored} consumer and skipped.
 */
public final class TenantConfigDirectory implements TenantConfigSource {

    /** The extension of the files read. */
    public static final String SUFFIX = ".yml";

    private final Path directory;
    private final Consumer<String> ignored;

    /**
     * A source reading {@code directory}.
     *
     * @param directory the directory (it may not exist yet: then it holds no files)
     * @param ignored told, in one escaped sentence, about each entry skipped
     */
    public TenantConfigDirectory(Path directory, Consumer<String> ignored) {
        this.directory = directory.toAbsolutePath().normalize();
        this.ignored = Objects.requireNonNull(ignored, "ignored");
    }

    /** The directory. */
    public Path directory() {
        return directory;
    }

    /**
     * The tenant whose file {@code name} (a file name in the directory) is, or null if it is none (reported).
     */
    public @Nullable TenantId tenantOf(String name) {
        if (!name.endsWith(SUFFIX)) {
            ignored.accept("Ignored " + directory.resolve(name).getFileName().toString().replaceAll("\\P{Print}", "?")
                    + " in " + directory + ": tenant files are named <tenant id>" + SUFFIX + ".");
            return null;
        }
        try {
            return TenantId.of(name.substring(0, name.length() - SUFFIX.length()));
        } catch (InvalidTenantIdException e) {
            ignored.accept("Ignored a file in " + directory + " whose name is not a tenant id: " + e.getMessage());
            return null;
        }
    }

    @Override
    public Map<TenantId, TenantFile> readAll() {
        Map<TenantId, TenantFile> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        List<TenantConfigException.Problem> problems = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                TenantId tenant = tenantOf(entry.getFileName().toString());
                if (tenant == null) {
                    continue;
                }
                try {
                    TenantFile file = read(tenant);
                    if (file != null) {
                        files.put(tenant, file);
                    }
                } catch (TenantConfigException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the tenant configuration directory " + directory, e);
        }
        if (!problems.isEmpty()) {
            throw new TenantConfigException(problems);
        }
        return files;
    }

    @Override
    public @Nullable TenantFile read(TenantId tenant) {
        Path file = directory.resolve(tenant.value() + SUFFIX);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                ignored.accept("Ignored " + file + ": not a regular file (links and directories are not read).");
            }
            return null;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return TenantFileReader.read(tenant, file.toString(), ConfigOrigin.OPERATOR, in);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new TenantConfigException(new TenantConfigException.Problem(tenant.value(), null,
                    new ConfigOrigin(ConfigOrigin.OPERATOR, tenant.value(), file.toString(), 0), "cannot be read: " + e));
        }
    }

    @Override
    public String toString() {
        return "TenantConfigDirectory[" + directory + "]";
    }
}
