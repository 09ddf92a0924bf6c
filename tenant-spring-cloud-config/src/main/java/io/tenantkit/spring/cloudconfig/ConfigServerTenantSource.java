package io.tenantkit.spring.cloudconfig;

import io.tenantkit.config.ConfigOrigin;
import io.tenantkit.config.ConfigValue;
import io.tenantkit.config.TenantConfigException;
import io.tenantkit.config.TenantConfigSource;
import io.tenantkit.config.TenantFile;
import io.tenantkit.config.TenantFileReader;
import io.tenantkit.tenant.SafeText;
import io.tenantkit.tenant.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator layer of each tenant read from a Spring Cloud Config server: tenant {@code jp}'s layer is the
 * document {@code /{application}/jp[/{label}]} (the tenant id is the profile), and of that document only the
 * property sources specific to the profile: a property source the server also returns for a profile that no tenant
 * can have ({@code application.yml}, {@code tenants.yml}: shared by every profile) is not a tenant's layer and is
 * skipped. Keys under {@code tenant.} are the tenant's declaration (as a tenant file's {@code tenant:} block); every
 * other key is its configuration, each value's origin naming the config-server property source (and the line, when
 * the server reports it).
 *
 * <p>Only the tenants {@code tenants} lists are asked for (the registry's): a document on the server for an unknown
 * tenant, or whose name is not a tenant id, is never requested. Keys that are not printable text are skipped and
 * reported to {@code ignored}, each once. Values are read as text; the binder converts them, as for a tenant file.
 */
public final class ConfigServerTenantSource implements TenantConfigSource {

    /** The profile asked for to learn which property sources are shared: not a tenant id, so no tenant's. */
    static final String SHARED_PROFILE = "TenantKitShared";

    /** The config server's document format with each value's origin, or its plain JSON. */
    private static final String ACCEPT = "application/vnd.spring-cloud.config-server.v2+json, application/json;q=0.9";

    /** How many different skipped keys are reported at most: the server's content must not grow memory without end. */
    private static final int MAX_REPORTED = 1000;

    private static final String DECLARATION = TenantFileReader.DECLARATION + ".";

    /** The end of an origin such as {@code file [/cfg/tenants-jp.yml] - 3:9}: the line and column. */
    private static final Pattern LINE = Pattern.compile("(\\d{1,9}):\\d+\\s*$");

    private final HttpClient http;
    private final URI base;
    private final String application;
    private final @Nullable String label;
    private final @Nullable String authorization;
    private final Duration timeout;
    private final Supplier<? extends Collection<TenantId>> tenants;
    private final Consumer<String> ignored;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Map<TenantId, TenantFile> lastReadAll = Map.of();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * A source reading the documents of {@code tenants} from the server {@code properties} name.
     *
     * @param tenants the tenants to ask for, read on every {@link #readAll()} (the registry's tenants)
     * @param ignored told, in one escaped sentence, about each key skipped
     * @throws IllegalArgumentException if {@code properties} has no absolute URI, or one with credentials
     */
    public ConfigServerTenantSource(TenantConfigServerProperties properties, Supplier<? extends Collection<TenantId>> tenants,
            Consumer<String> ignored) {
        URI uri = properties.uri();
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("tenantkit.config.server.uri must be an absolute URI such as http://config:8888, not "
                    + printable(String.valueOf(uri)));
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("tenantkit.config.server.uri must not hold credentials (the URI is shown in logs "
                    + "and origins): set tenantkit.config.server.username and .password instead");
        }
        String text = uri.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.application = properties.application();
        this.label = properties.label() == null || properties.label().isBlank() ? null : properties.label();
        this.authorization = properties.username() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (properties.username() + ":" + Objects.requireNonNullElse(properties.password(), "")).getBytes(StandardCharsets.UTF_8));
        this.timeout = properties.timeout();
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.ignored = Objects.requireNonNull(ignored, "ignored");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The URI of the document of {@code profile} (a tenant id), without credentials. */
    public URI document(String profile) {
        String path = "/" + segment(application) + "/" + segment(profile)
                // The config server's convention for a label with a slash (a branch such as release/2026).
                + (label == null ? "" : "/" + segment(label.replace("/", "(_)")));
        return URI.create(base + path);
    }

    @Override
    public Map<TenantId, TenantFile> readAll() {
        Set<String> shared = sharedSources();
        Map<TenantId, TenantFile> files = new TreeMap<>();
        List<TenantConfigException.Problem> problems = new ArrayList<>();
        for (TenantId tenant : tenants.get()) {
            try {
                TenantFile file = read(tenant, shared);
                if (file != null) {
                    files.put(tenant, file);
                }
            } catch (TenantConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new TenantConfigException(problems);
        }
        lastReadAll = Map.copyOf(files);
        return files;
    }

    @Override
    public @Nullable TenantFile read(TenantId tenant) {
        return read(tenant, sharedSources());
    }

    /** What the last successful {@link #readAll()} returned: where a refresher starts comparing from. */
    Map<TenantId, TenantFile> lastReadAll() {
        return lastReadAll;
    }

    /** The tenants to ask for now. */
    Collection<TenantId> tenants() {
        return tenants.get();
    }

    /**
     * The names of the property sources the server returns for every profile.
     *
     * @throws UncheckedIOException if the server cannot be reached or does not answer with a document
     */
    Set<String> sharedSources() {
        URI uri = document(SHARED_PROFILE);
        try {
            Set<String> names = new HashSet<>();
            for (JsonNode source : fetch(uri).path("propertySources")) {
                names.add(source.path("name").asString());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shared document " + uri + " from the config server: " + reason(e)
                    + ". Check tenantkit.config.server.uri, .application and .label, and that the server is up.", e);
        }
    }

    /**
     * The layer of {@code tenant}: the property sources of its document that are not {@code shared}, the first
     * (strongest) value of each key; null if there are none.
     *
     * @throws TenantConfigException if the document cannot be read
     */
    @Nullable TenantFile read(TenantId tenant, Set<String> shared) {
        URI uri = document(tenant.value());
        JsonNode document;
        try {
            document = fetch(uri);
        } catch (IOException e) {
            throw new TenantConfigException(new TenantConfigException.Problem(tenant.value(), null,
                    new ConfigOrigin(ConfigOrigin.OPERATOR, tenant.value(), uri.toString(), 0),
                    "cannot be read from the config server: " + reason(e)));
        }
        Map<String, ConfigValue> declaration = new LinkedHashMap<>();
        Map<String, ConfigValue> configuration = new LinkedHashMap<>();
        boolean found = false;
        for (JsonNode source : document.path("propertySources")) {
            String name = source.path("name").asString();
            if (shared.contains(name)) {
                continue;
            }
            found = true;
            String where = "configserver:" + printable(name);
            for (Map.Entry<String, JsonNode> entry : source.path("source").properties()) {
                String key = entry.getKey();
                if (key.isBlank() || !key.equals(printable(key))) {
                    report("Ignored key " + SafeText.quote(key) + " of tenant '" + tenant + "' in " + where + ": a key is printable text.");
                    continue;
                }
                JsonNode value = entry.getValue();
                String origin = null;
                if (value.isObject()) {
                    origin = value.path("origin").isString() ? value.path("origin").asString() : null;
                    value = value.path("value");
                }
                ConfigValue configValue = new ConfigValue(key, value.isNull() || value.isMissingNode() ? "" : value.asString(),
                        new ConfigOrigin(ConfigOrigin.OPERATOR, tenant.value(), where, line(origin)));
                if (key.startsWith(DECLARATION)) {
                    declaration.putIfAbsent(key.substring(DECLARATION.length()), configValue);
                } else {
                    configuration.putIfAbsent(key, configValue);
                }
            }
        }
        return found ? new TenantFile(tenant, uri.toString(), declaration, configuration) : null;
    }

    /** Tells {@code ignored} about something skipped, once (a refresh reads the same document again). */
    private void report(String sentence) {
        if (reported.size() < MAX_REPORTED && reported.add(sentence)) {
            ignored.accept(sentence);
        }
    }

    private JsonNode fetch(URI uri) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", ACCEPT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + uri);
        }
        try {
            JsonNode document = json.readTree(response.body());
            if (!document.path("propertySources").isArray()) {
                throw new IOException("the answer of " + uri + " is not a config-server document (no propertySources)");
            }
            return document;
        } catch (JacksonException e) {
            throw new IOException("the answer of " + uri + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Why a request failed, printable: the message, or the exception's name when it has none (a refused connection). */
    private static String reason(IOException e) {
        return printable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private static int line(@Nullable String origin) {
        if (origin == null) {
            return 0;
        }
        Matcher m = LINE.matcher(origin);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Untrusted text with anything unprintable replaced, so that it cannot forge a log line. */
    static String printable(@Nullable String text) {
        return text == null ? "" : text.replaceAll("\\P{Print}", "?");
    }

    @Override
    public String toString() {
        return "ConfigServerTenantSource[" + document("{tenant}") + "]";
    }
}
