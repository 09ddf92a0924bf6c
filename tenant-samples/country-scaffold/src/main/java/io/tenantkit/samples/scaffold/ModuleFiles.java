package io.tenantkit.samples.scaffold;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.tenantkit.extension.ExtensionHandle;

/** The files of a new country module, by path relative to the module directory. */
final class ModuleFiles {

    /**
     * The messages a site module translates, with the shared text (marketplace-app's messages.properties) as
     * the starting point: a key the module leaves out falls back to the shared bundle.
     */
    static final Map<String, String> MESSAGES = Map.of("site.greeting", "Welcome to the {0} marketplace");

    private static final Pattern PLAIN_YAML = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .,'()-]*");

    private final Country country;
    private final String version;
    private final String id;
    private final String prefix;
    private final String javaDir;

    ModuleFiles(Country country, String version) {
        this.country = country;
        this.version = version;
        this.id = country.id().value();
        this.prefix = country.classPrefix();
        this.javaDir = country.packageName().replace('.', '/') + "/";
    }

    /** Every file, in a stable order. */
    Map<String, String> all() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", pom());
        files.put("src/main/java/" + javaDir + "package-info.java", packageInfo());
        files.put("src/main/java/" + javaDir + prefix + "SiteModule.java", module());
        for (Class<?> point : ExtensionStubs.POINTS) {
            files.put("src/main/java/" + javaDir + ExtensionStubs.className(country, point) + ".java",
                    ExtensionStubs.source(country, point));
        }
        files.put("src/main/java/" + javaDir + "Defaults.java", defaults());
        files.put("src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
                country.packageName() + "." + prefix + "SiteModule\n");
        files.put("src/main/resources/tenants/" + id + "/tenant.yml", tenantFile());
        files.put("src/main/resources/tenants/" + id + "/messages.properties", messages());
        files.put("src/test/java/" + javaDir + prefix + "SiteModuleTest.java", test());
        return files;
    }

    private String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>io.tenantkit</groupId>
                    <artifactId>tenant-samples</artifactId>
                    <version>@version@</version>
                  </parent>

                  <artifactId>@artifact@</artifactId>
                  <name>TenantKit Sample: Site @ID@</name>
                  <description>The '@id@' country module (@name@): drop the jar on the classpath to serve the site with its own extensions.</description>

                  <dependencies>
                    <dependency>
                      <groupId>io.tenantkit</groupId>
                      <artifactId>marketplace-api</artifactId>
                      <version>${project.version}</version>
                    </dependency>

                    <dependency>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-test</artifactId>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>
                </project>
                """.replace("@version@", version).replace("@artifact@", country.artifactId())
                .replace("@ID@", id.toUpperCase(Locale.ROOT)).replace("@id@", id).replace("@name@", xml(country.name()));
    }

    private String packageInfo() {
        return "/**\n"
                + " * The " + javadoc(country.name()) + " site. Everything here is bound to tenant {@code " + id + "} by\n"
                + " * {@link " + country.packageName() + "." + prefix + "SiteModule}; its extension stubs answer like the\n"
                + " * defaults until they get the site's own rules.\n"
                + " */\n"
                + "@NullMarked\n"
                + "package " + country.packageName() + ";\n\n"
                + "import org.jspecify.annotations.NullMarked;\n";
    }

    private String module() {
        TypeNames types = new TypeNames();
        StringBuilder beans = new StringBuilder();
        for (Class<?> point : ExtensionStubs.POINTS) {
            if (ExtensionStubs.registered(point)) {
                String stub = ExtensionStubs.className(country, point);
                beans.append("\n    @Bean\n    ").append(stub).append(' ').append(ExtensionStubs.beanName(country, point))
                        .append('(').append(types.name(ExtensionHandle.class)).append('<').append(types.name(point))
                        .append("> chain) {\n        return new ").append(stub).append("(chain);\n    }\n");
            }
        }
        String imports = beans.isEmpty()
                ? types.importBlock("io.tenantkit.spring.extension.TenantModule", "org.springframework.boot.autoconfigure.AutoConfiguration")
                : types.importBlock("io.tenantkit.spring.extension.TenantModule", "org.springframework.boot.autoconfigure.AutoConfiguration",
                        "org.springframework.context.annotation.Bean");
        return "package " + country.packageName() + ";\n\n"
                + imports
                + "/**\n"
                + " * The " + id + " module: listed in this jar's auto-configuration imports, so adding the jar to the\n"
                + " * application serves {@code " + id + "} with these extensions; none of them names the tenant.\n"
                + " */\n"
                + "@AutoConfiguration\n"
                + "@TenantModule(\"" + id + "\")\n"
                + "public final class " + prefix + "SiteModule {\n"
                + beans
                + "}\n";
    }

    private String defaults() {
        return "package " + country.packageName() + ";\n\n"
                + """
                import java.util.List;

                import io.tenantkit.context.TenantContext;
                import io.tenantkit.extension.ExtensionHandle;

                /** What the extension stubs of this module delegate to. */
                final class Defaults {

                    private Defaults() {
                    }

                    /**
                     * The implementation behind {@code stub} in the current tenant's chain of {@code chain}'s point: the
                     * one that would answer without {@code stub} (the region's, else the global default). Reads the
                     * precomputed chain: no lookup by name, no allocation.
                     *
                     * @throws IllegalStateException if none stands behind {@code stub} for the current tenant
                     */
                    static <T> T after(T stub, ExtensionHandle<T> chain) {
                        List<T> all = chain.all();
                        for (int i = 0; i < all.size() - 1; i++) {
                            if (all.get(i) == stub) {
                                return all.get(i + 1);
                            }
                        }
                        throw new IllegalStateException("No implementation of " + chain.point().getName() + " answers behind "
                                + stub.getClass().getName() + " for tenant '" + TenantContext.require().id() + "': give "
                                + stub.getClass().getSimpleName() + " its own answer instead of delegating, or add a global default.");
                    }
                }
                """;
    }

    private String tenantFile() {
        return "# Adding the " + country.artifactId() + " jar declares and configures " + id
                + ": no edit to the app's application.yml.\n"
                + "tenant:\n"
                + "  name: " + yaml(country.name()) + "\n"
                + (country.parent() == null ? "" : "  parent: " + country.parent() + "\n")
                + "  locale: " + country.locale().toLanguageTag() + "\n"
                + "  currency: " + country.currency().getCurrencyCode() + "\n"
                + "  time-zone: " + country.timeZone().getId() + "\n"
                + "# " + id + "'s own configuration goes below, overriding the app's defaults (docs/configuration.md), such as:\n"
                + "# marketplace:\n"
                + "#   fees:\n"
                + "#     rate: 0.04\n";
    }

    private String messages() {
        StringBuilder out = new StringBuilder("# " + id + "'s messages (" + country.locale().toLanguageTag()
                + "): translate them; a key left out falls back to the app's shared messages.\n");
        new TreeSet<>(MESSAGES.keySet()).forEach(key -> out.append(key).append('=').append(MESSAGES.get(key)).append('\n'));
        return out.toString();
    }

    private String test() {
        TypeNames types = new TypeNames();
        StringBuilder fields = new StringBuilder();
        StringBuilder answered = new StringBuilder();
        StringBuilder unregistered = new StringBuilder();
        for (Class<?> point : ExtensionStubs.POINTS) {
            String field = lowerCamel(point.getSimpleName());
            String stub = ExtensionStubs.className(country, point);
            fields.append("\n    @Autowired\n    ").append(types.name(ExtensionHandle.class)).append('<')
                    .append(types.name(point)).append("> ").append(field).append(";\n");
            if (ExtensionStubs.registered(point)) {
                answered.append("        assertThat(as").append(prefix).append("(").append(field).append("::current)).isInstanceOf(")
                        .append(stub).append(".class);\n        assertThat(as").append(prefix).append("(").append(field)
                        .append("::all)).hasSizeGreaterThan(1);\n");
            } else {
                unregistered.append("        assertThat(as").append(prefix).append("(").append(field).append("::all)).noneMatch(")
                        .append(stub).append(".class::isInstance);\n");
            }
        }
        String idLiteral = "\"" + id + "\"";
        return "package " + country.packageName() + ";\n\n"
                + "import static org.assertj.core.api.Assertions.assertThat;\n\n"
                + types.importBlock("java.io.IOException", "java.io.InputStream", "java.util.Locale", "java.util.Properties",
                        "java.util.function.Supplier", "io.tenantkit.context.TenantContext", "io.tenantkit.tenant.Tenant",
                        "io.tenantkit.tenant.TenantId", "io.tenantkit.tenant.TenantRegistry", "org.junit.jupiter.api.Test",
                        "org.springframework.beans.factory.annotation.Autowired", "org.springframework.boot.SpringBootConfiguration",
                        "org.springframework.boot.autoconfigure.EnableAutoConfiguration",
                        "org.springframework.boot.test.context.SpringBootTest", "org.springframework.context.MessageSource")
                + "/**\n"
                + " * The " + id + " module with the marketplace's shared code and nothing else: it declares " + id + " from its\n"
                + " * tenant file, its stubs answer for " + id + " with the defaults behind them, and " + id
                + " speaks from its own messages.\n"
                + " */\n"
                + "@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,\n"
                + "        // The shared defaults of the marketplace's typed configuration, as marketplace-app's application.yml sets them.\n"
                + "        properties = {\"marketplace.fees.rate=0.05\", \"marketplace.payouts.limit=10000\"})\n"
                + "class " + prefix + "SiteModuleTest {\n\n"
                + "    @SpringBootConfiguration\n"
                + "    @EnableAutoConfiguration\n"
                + "    static class App {\n"
                + "    }\n\n"
                + "    @Autowired\n"
                + "    TenantRegistry tenants;\n\n"
                + "    @Autowired\n"
                + "    MessageSource messages;\n"
                + fields + "\n"
                + "    private <V> V as" + prefix + "(Supplier<V> call) {\n"
                + "        return TenantContext.supplyAs(tenants.require(TenantId.of(" + idLiteral + ")), call);\n"
                + "    }\n\n"
                + "    @Test\n"
                + "    void theModuleDeclares" + prefix + "FromItsTenantFile() {\n"
                + "        Tenant tenant = tenants.require(TenantId.of(" + idLiteral + "));\n"
                + "        assertThat(tenant.name()).isEqualTo(" + javaString(country.name()) + ");\n"
                + "        assertThat(tenant.locale()).isEqualTo(Locale.forLanguageTag(\"" + country.locale().toLanguageTag() + "\"));\n"
                + "        assertThat(tenant.currency()).hasValueSatisfying(c -> assertThat(c.getCurrencyCode()).isEqualTo(\""
                + country.currency().getCurrencyCode() + "\"));\n"
                + "        assertThat(tenant.timeZone().getId()).isEqualTo(\"" + country.timeZone().getId() + "\");\n"
                + "    }\n\n"
                + "    @Test\n"
                + "    void " + lowerCamel(prefix) + "IsAnsweredByItsStubsWithTheDefaultsBehindThem() {\n"
                + answered + unregistered
                + "    }\n\n"
                + "    @Test\n"
                + "    void " + lowerCamel(prefix) + "SpeaksFromItsOwnMessages() throws IOException {\n"
                + "        Properties own = new Properties();\n"
                + "        try (InputStream in = getClass().getResourceAsStream(\"/tenants/" + id + "/messages.properties\")) {\n"
                + "            own.load(in);\n"
                + "        }\n"
                + "        Locale locale = tenants.require(TenantId.of(" + idLiteral + ")).locale();\n"
                + "        assertThat(own.stringPropertyNames()).isNotEmpty().allSatisfy(key ->\n"
                + "                assertThat(as" + prefix + "(() -> messages.getMessage(key, null, locale))).isEqualTo(own.getProperty(key)));\n"
                + "    }\n"
                + "}\n";
    }

    /** {@code FeePolicy}: {@code feePolicy}; {@code UsWest}: {@code usWest}. */
    static String lowerCamel(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String yaml(String text) {
        return PLAIN_YAML.matcher(text).matches() && !text.endsWith(" ") ? text : "'" + text.replace("'", "''") + "'";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String javadoc(String text) {
        return xml(text).replace("*/", "*&#47;").replace("@", "&#64;");
    }

    private static String javaString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
