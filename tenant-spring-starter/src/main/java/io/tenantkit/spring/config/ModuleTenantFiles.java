package io.tenantkit.spring.config;

import io.tenantkit.config.ConfigOrigin;
import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantFile;
import io.tenantkit.config.TenantFileReader;
import io.tenantkit.tenant.InvalidTenantIdException;
import io.tenantkit.tenant.TenantId;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The tenant files modules ship on the class path: every {@code tenants/<id>/tenant.yml} of every jar
 * ({@code classpath*:}), read once at startup. Two files of one tenant (in two jars) are combined when they
 * agree; a key (or declaration field) they set differently is a startup error naming both files.
 */
public final class ModuleTenantFiles {

    /** Where modules ship tenant files. */
    public static final String PATTERN = "classpath*:tenants/*/tenant.yml";

    private final Map<TenantId, TenantFile> files;

    private ModuleTenantFiles(Map<TenantId, TenantFile> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    /**
     * Reads every module tenant file.
     *
     * @throws TenantConfigException listing every file that cannot be read, is not in a folder named after a
     *         valid tenant id, or contradicts another file of the same tenant
     */
    public static ModuleTenantFiles discover(ResourcePatternResolver resources) {
        Resource[] found;
        try {
            found = resources.getResources(PATTERN);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + PATTERN, e);
        }
        Map<TenantId, TenantFile> files = new LinkedHashMap<>();
        List<TenantConfigException.Problem> problems = new ArrayList<>();
        for (Resource resource : found) {
            String location = location(resource);
            String folder = folder(location);
            try {
                TenantId tenant = TenantId.of(folder);
                TenantFile file = read(tenant, location, resource);
                TenantFile earlier = files.get(tenant);
                files.put(tenant, earlier == null ? file : combine(earlier, file, problems));
            } catch (InvalidTenantIdException e) {
                problems.add(new TenantConfigException.Problem(e.escapedValue(), null,
                        new ConfigOrigin(ConfigOrigin.MODULE, null, location, 0),
                        "the folder of a tenant file is not a tenant id: " + e.getMessage()));
            } catch (TenantConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new TenantConfigException(problems);
        }
        return new ModuleTenantFiles(files);
    }

    /** The files by tenant, two files of one tenant combined. */
    public Map<TenantId, TenantFile> files() {
        return files;
    }

    private static TenantFile read(TenantId tenant, String location, Resource resource) {
        try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return TenantFileReader.read(tenant, location, ConfigOrigin.MODULE, in);
        } catch (IOException e) {
            throw new TenantConfigException(new TenantConfigException.Problem(tenant.value(), null,
                    new ConfigOrigin(ConfigOrigin.MODULE, tenant.value(), location, 0), "cannot be read: " + e));
        }
    }

    private static TenantFile combine(TenantFile first, TenantFile second, List<TenantConfigException.Problem> problems) {
        Map<String, ConfigValue> declaration = agree(first, second, first.declaration(), second.declaration(), "tenant.", problems);
        Map<String, ConfigValue> configuration = agree(first, second, first.configuration(), second.configuration(), "", problems);
        return new TenantFile(first.tenant(), first.location() + " + " + second.location(), declaration, configuration);
    }

    private static Map<String, ConfigValue> agree(TenantFile first, TenantFile second, Map<String, ConfigValue> a,
            Map<String, ConfigValue> b, String prefix, List<TenantConfigException.Problem> problems) {
        Map<String, ConfigValue> combined = new LinkedHashMap<>(a);
        b.forEach((key, value) -> {
            ConfigValue earlier = combined.putIfAbsent(key, value);
            if (earlier != null && !earlier.value().equals(value.value())) {
                problems.add(new TenantConfigException.Problem(first.tenant().value(), prefix + key, value.origin(),
                        "two modules set it differently: " + earlier.origin() + " and " + value.origin()
                                + ". A tenant's files may only agree; set the value in one module, or override it in "
                                + "the application (tenantkit.tenants." + first.tenant() + ".*) or the operator directory"));
            }
        });
        return combined;
    }

    /** The file's place: its jar and path inside it, or its path on disk. */
    private static String location(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int bang = url.lastIndexOf("!/");
            if (bang >= 0) {
                String jar = url.substring(0, bang);
                return jar.substring(jar.lastIndexOf('/') + 1) + "!/" + url.substring(bang + 2);
            }
            return resource.getFile().getPath();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    /** The name of the folder holding {@code tenant.yml}. */
    private static String folder(String location) {
        String path = location.replace('\\', '/');
        int end = path.lastIndexOf('/');
        return path.substring(path.lastIndexOf('/', end - 1) + 1, end);
    }
}
