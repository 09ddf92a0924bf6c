package io.tenantkit.samples.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operations page ({@code /actuator/tenantops}) in a real headless Chromium against the running sample:
 * it shows the tenants and the resolution matrix, a tenant's configuration with provenance, and switches DEBUG
 * on for jp through its form, which the {@code tenantloggers} endpoint and jp's log file then show.
 * <p>
 * Uses the Debian packages {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium},
 * {@code /usr/bin/chromedriver}; {@code TENANTKIT_CHROMIUM} and {@code TENANTKIT_CHROMEDRIVER} point elsewhere).
 * Selenium Manager is never asked for a browser or a driver, so nothing is downloaded. Without them the class is
 * skipped, reported with a message saying what to install, except where {@code TENANTKIT_BROWSER_TESTS=required}
 * ({@code .ci/run} sets it, after installing them): there a missing browser fails the build.
 */
@ExtendWith(OperationsPageBrowserTests.BrowserInstalled.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // A tenant whose display name is markup: the page must show it as text and run nothing.
    "tenantkit.tenants.xss.name=" + OperationsPageBrowserTests.HOSTILE_NAME})
class OperationsPageBrowserTests {

    static final String HOSTILE_NAME = "<img src=x onerror=\"document.title='pwned'\">";

    private static final Path CHROMIUM = Path.of(env("TENANTKIT_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(env("TENANTKIT_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final String LOGGER = "io.tenantkit.samples";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path logs;

    private static WebDriver browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void tenantFolder(DynamicPropertyRegistry registry) {
        registry.add("tenantkit.logging.files.dir", () -> logs.toString());
    }

    @BeforeAll
    static void startBrowser() {
        String missing = missing();
        if (missing != null) {
            fail(missing); // only where TENANTKIT_BROWSER_TESTS=required: elsewhere BrowserInstalled skipped the class
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTenantsMatrixAndConfigurationAndSwitchesDebugOnForJp() throws Exception {
        browser.get("http://localhost:" + port + "/actuator/tenantops");

        // The tenants, with their status; the hostile name as text, and nothing of it run.
        waitUntil(d -> !texts("#tenants tbody tr[data-tenant='xss']").isEmpty());
        assertThat(texts("#tenants tbody tr[data-tenant='jp'] td")).containsSubsequence("jp", "Japan", "ACTIVE", "apac",
                "ja-JP", "JPY", "Asia/Tokyo");
        assertThat(texts("#tenants tbody tr[data-tenant='us'] td")).contains("United States");
        assertThat(texts("#tenants tbody tr[data-tenant='de'] td")).contains("Germany");
        assertThat(texts("#tenants tbody tr[data-tenant='xss'] td")).contains(HOSTILE_NAME);
        assertThat(texts("img")).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("TenantKit operations");

        // The resolution matrix: jp's own module answers somewhere, at jp's level; de (no module) never at jp's.
        assertThat(texts("#matrix thead th")).contains("Tenant").hasSizeGreaterThan(1);
        assertThat(texts("#matrix tbody tr[data-tenant='jp'] td .level")).contains("jp");
        assertThat(texts("#matrix tbody tr[data-tenant='de'] td .level")).isNotEmpty().doesNotContain("jp");

        // jp's configuration, with the file that supplied each value.
        new Select(browser.findElement(By.id("config-tenant"))).selectByValue("jp");
        waitUntil(d -> texts("#config tbody td").stream().anyMatch(text -> text.contains("tenants/jp/tenant.yml")));
        assertThat(texts("#config tbody td:first-child")).contains("marketplace.fees.rate");

        // DEBUG for jp through the form.
        new Select(browser.findElement(By.id("logger-tenant"))).selectByValue("jp");
        WebElement logger = browser.findElement(By.id("logger-name"));
        logger.clear();
        logger.sendKeys(LOGGER);
        new Select(browser.findElement(By.id("logger-level"))).selectByValue("DEBUG");
        browser.findElement(By.id("logger-set")).click();

        String override = "#overrides tbody tr[data-tenant='jp'][data-logger='" + LOGGER + "']";
        waitUntil(d -> texts(override + " td").contains("DEBUG"));
        assertThat(get("/actuator/tenantloggers/jp/" + LOGGER)).contains("\"configuredLevel\":\"DEBUG\"");
        assertThat(site("jp")).isEqualTo(200);
        await().untilAsserted(() -> assertThat(lines("jp"))
                .anyMatch(line -> line.contains("DEBUG") && line.endsWith("Site page for jp: locale ja_JP, currency JPY")));

        // jp's request shows in its row (the eighth cell: requests).
        waitUntil(d -> !texts("#tenants tbody tr[data-tenant='jp'] td:nth-child(8)").contains("0"));

        // Cleared from the page: gone from the table and from the endpoint.
        waitUntil(d -> {
            d.findElement(By.cssSelector(override + " button")).click();
            return true;
        });
        waitUntil(d -> texts(override).isEmpty());
        assertThat(get("/actuator/tenantloggers/jp/" + LOGGER)).contains("\"configuredLevel\":null");
    }

    @Test
    void refusedChangeShowsTheProblemAsTextAndChangesNothing() throws Exception {
        browser.get("http://localhost:" + port + "/actuator/tenantops");
        waitUntil(d -> !texts("#logger-tenant option[value='jp']").isEmpty());
        new Select(browser.findElement(By.id("logger-tenant"))).selectByValue("jp");
        WebElement expiry = browser.findElement(By.id("logger-expires"));
        expiry.clear();
        expiry.sendKeys("<b>soon</b>");
        browser.findElement(By.id("logger-set")).click();

        waitUntil(d -> !texts("#logger-error").get(0).isEmpty());
        assertThat(texts("#logger-error").get(0)).contains("400").contains("<b>soon</b>");
        assertThat(texts("#logger-error b")).isEmpty();
        assertThat(get("/actuator/tenantloggers/jp")).contains("\"loggers\":{}");
    }

    /** Waits for {@code condition}; the page re-renders its tables on every refresh, so elements may go stale. */
    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The text of every element matching {@code css}, read in one script so that a refresh cannot interleave. */
    private static List<String> texts(String css) {
        Object result = ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);", css);
        return ((List<?>) result).stream().map(String::valueOf).toList();
    }

    private int site(String tenant) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/site"))
                .header("X-Tenant-Id", tenant).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<String> lines(String tenant) throws IOException {
        Path file = logs.resolve(tenant + ".log");
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    /** What to install, or null when Chromium and chromedriver are there. */
    private static @Nullable String missing() {
        Path absent = !Files.isExecutable(CHROMIUM) ? CHROMIUM : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER : null;
        return absent == null ? null : "No " + absent + ": install Chromium and its driver (Debian: apt-get install -y "
                + "chromium chromium-driver) or set TENANTKIT_CHROMIUM and TENANTKIT_CHROMEDRIVER; the operations page "
                + "browser test needs them.";
    }

    /**
     * Skips the class, before the application starts, where Chromium or chromedriver is missing, saying what to
     * install; never where {@code TENANTKIT_BROWSER_TESTS=required}.
     */
    static final class BrowserInstalled implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = missing();
            if (missing == null || "required".equals(System.getenv("TENANTKIT_BROWSER_TESTS"))) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver present, or required");
            }
            return ConditionEvaluationResult.disabled(missing);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
