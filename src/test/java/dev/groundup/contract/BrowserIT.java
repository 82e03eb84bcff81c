package dev.groundup.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's headless Chromium, driven by Selenium through /usr/bin/chromedriver)
 * loads the home page: every resource it fetches answers 200 with a fitting type, the console
 * stays clean, the stylesheet and the script take effect. Then a person's walk through the todo
 * pages, with JavaScript on and with it off, and the axe-core accessibility check on the home page
 * and the todo pages. Screenshots go to target/browser/.
 * Skipped where Chromium is not installed, except in CI (CI=true), where that is a failure.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Deployment.class)
class BrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** What each kind of resource must be served as (Chromium reports the type without parameters). */
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html", "css", "text/css", "js", "text/javascript", "svg", "image/svg+xml",
            "png", "image/png", "webp", "image/webp", "ico", "image/x-icon",
            "webmanifest", "application/manifest+json");

    /**
     * Selenium looks for a DevTools module matching the browser's version and warns when there is
     * none; this test does not use DevTools. (Held here: java.util.logging keeps loggers weakly.)
     */
    private static final java.util.logging.Logger CDP_FINDER =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_FINDER.setLevel(Level.OFF);
    }

    @Parameter
    Deployment deployment;

    private Path profile;
    private ChromeDriverService service;
    private ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        startBrowser(true);
    }

    /** Chromium with a fresh profile; {@code javascript} false turns scripts off for every site. */
    private void startBrowser(boolean javascript) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but chromium/chromium-driver are not installed: .ci/run installs them");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");

        profile = Files.createTempDirectory("groundup-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        if (deployment.isHttps()) {
            options.addArguments("--ignore-certificate-errors"); // the suite's CA is not in Chromium's store
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        stop();
    }

    private void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> walk = Files.walk(profile)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        browser = null;
        service = null;
        profile = null;
    }

    @Test
    void homePageLoadsEveryResourceWithItsTypeAndNoConsoleErrors() throws IOException {
        browser.get(deployment.uri("/").toString());
        String status = awaitText("#live-status", "The server says: Hello World");

        Map<String, Map<String, Object>> responses = new LinkedHashMap<>();
        Map<Object, Object> requested = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = message(entry);
            Map<String, Object> params = map(message.get("params"));
            switch (String.valueOf(message.get("method"))) {
                case "Network.responseReceived" -> {
                    Map<String, Object> response = map(params.get("response"));
                    String url = String.valueOf(response.get("url"));
                    if (url.startsWith("http")) {
                        String path = URI.create(url).getPath();
                        // as a path within the application, whatever its context path
                        responses.put(path.startsWith(deployment.contextPath())
                                ? path.substring(deployment.contextPath().length()) : path, response);
                    }
                }
                case "Network.requestWillBeSent" -> requested.put(params.get("requestId"), map(params.get("request")).get("url"));
                case "Network.loadingFailed" -> {
                    // A load the browser began before this page (its start-up tab) is not the page's.
                    Object url = requested.get(params.get("requestId"));
                    if (url != null) {
                        failures.add(url + ": " + params.get("errorText"));
                    }
                }
                default -> {
                }
            }
        }
        List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();

        screenshot();
        assertThat(status).isEqualTo("The server says: Hello World");
        assertThat(failures).as("failed loads").isEmpty();
        assertThat(console).as("console warnings and errors").isEmpty();
        assertThat(responses.keySet()).contains("/", "/css/site.css", Site.script(), "/images/logo.svg",
                "/images/ground.webp", "/hello");
        responses.forEach((path, response) -> {
            assertThat(((Number) response.get("status")).intValue()).as("status of %s", path).isEqualTo(200);
            assertThat(response.get("mimeType")).as("type of %s", path).isEqualTo(expectedType(path));
        });

        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('h1')).fontSize"))
                .as("site.css applies").isEqualTo("36px");
        assertThat(js.executeScript("var i = document.querySelector('.banner img'); return i.complete && i.naturalWidth"))
                .as("the banner image decodes").isEqualTo(720L);
    }

    @Test
    void filesPageLoadsWithTheSiteStylesheet() {
        browser.get(deployment.uri("/files/").toString());

        JavascriptExecutor js = browser;
        assertThat(browser.getTitle()).isEqualTo("Static files · Groundup");
        assertThat(js.executeScript("return getComputedStyle(document.querySelector('h1')).fontSize"))
                .as("../css/site.css applies").isEqualTo("36px");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList())
                .as("console warnings and errors").isEmpty();
    }

    @Test
    void aPersonUsesTheTodoPagesWithJavaScript() {
        useTheTodoPages("js");
    }

    @Test
    void aPersonUsesTheTodoPagesWithoutJavaScript() throws IOException {
        stop();
        startBrowser(false);
        browser.get(deployment.uri("/").toString());
        useTheTodoPages("nojs");
        // With scripts on, the home page's script would have asked for /hello long before now.
        List<String> requested = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = message(entry);
            if ("Network.requestWillBeSent".equals(message.get("method"))) {
                requested.add(String.valueOf(map(map(message.get("params")).get("request")).get("url")));
            }
        }
        assertThat(requested).as("requests the browser made").anyMatch(url -> url.endsWith("/todos"))
                .noneMatch(url -> url.endsWith("/hello"));
    }

    @Test
    void theHomePageAndTheTodoPagesHaveNoAccessibilityViolations() {
        Http.send(org.apache.hc.core5.http.io.support.ClassicRequestBuilder.delete(deployment.uri("/api/todos")).build());
        browser.get(deployment.uri("/todos").toString());
        add("An accessible todo");
        add("A completed one");
        click("[aria-label='Done: A completed one']");
        for (String path : List.of("/", "/todos", "/todos?filter=active", "/todos?edit=" + firstTodoId(), "/nothing-here")) {
            browser.get(deployment.uri(path).toString());
            Results results = new AxeBuilder().analyze(browser);
            assertThat(results.getViolations().stream()
                    .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getHtml()).toList())
                    .toList()).as("axe-core violations on %s", path).isEmpty();
        }
        browser.get(deployment.uri("/todos").toString());
        browser.findElement(By.id("new-title")).sendKeys(" ");
        click(".todo-new button");
        assertThat(new AxeBuilder().analyze(browser).getViolations()).as("the page with a refused title").isEmpty();

        // A phone's width: everything wraps, nothing scrolls sideways.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(deployment.uri("/todos").toString());
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no horizontal scrolling at 390 px").isEqualTo(true);
        screenshot("todos-phone");
    }

    /** The walk through the app, as a person does it: only clicks and typing. */
    private void useTheTodoPages(String variant) {
        Http.send(org.apache.hc.core5.http.io.support.ClassicRequestBuilder.delete(deployment.uri("/api/todos")).build());
        browser.get(deployment.uri("/todos").toString());
        assertThat(browser.getTitle()).isEqualTo("Todos · Groundup");
        assertThat(text(".todo-count")).isEqualTo("0 items left");

        add("Buy milk");
        add("Walk the dog");
        add("Write the report");
        assertThat(titles()).containsExactly("Buy milk", "Walk the dog", "Write the report");
        assertThat(text(".todo-count")).isEqualTo("3 items left");

        click("[aria-label='Edit: Walk the dog']");
        WebElement edit = browser.findElement(By.cssSelector(".todo-edit input[name='title']"));
        assertThat(edit.getAttribute("value")).isEqualTo("Walk the dog");
        edit.clear();
        edit.sendKeys("Walk the cat");
        click(".todo-edit button");
        assertThat(titles()).containsExactly("Buy milk", "Walk the cat", "Write the report");

        click("[aria-label='Done: Buy milk']");
        assertThat(text(".todo-count")).isEqualTo("2 items left");
        screenshot("todos-" + variant);

        click(".todo-filters a[href$='filter=active']");
        assertThat(titles()).containsExactly("Walk the cat", "Write the report");
        assertThat(text("[aria-current='page']")).isEqualTo("Active");
        click(".todo-filters a[href$='filter=completed']");
        assertThat(titles()).containsExactly("Buy milk");
        click(".todo-filters a[href$='/todos']");
        assertThat(titles()).hasSize(3);

        click("[aria-label='Delete: Write the report']");
        assertThat(titles()).containsExactly("Buy milk", "Walk the cat");

        click(".todo-toggle-all button");
        assertThat(text(".todo-count")).isEqualTo("0 items left");
        click(".todo-clear button");
        assertThat(titles()).isEmpty();

        assertThat(consoleWarnings()).as("console warnings and errors (a CSP violation would show here)").isEmpty();

        browser.findElement(By.id("new-title")).sendKeys("   ");
        click(".todo-new button");
        assertThat(text("#new-title-error")).isEqualTo("The title must not be blank.");
        assertThat(browser.findElement(By.id("new-title")).getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("todos-" + variant + "-refused");
        assertThat(consoleWarnings()).as("only the 422 itself, which Chromium logs as a failed load")
                .allMatch(line -> line.contains("status of 422"));
    }

    private List<String> consoleWarnings() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
    }

    private void add(String title) {
        browser.findElement(By.id("new-title")).sendKeys(title);
        click(".todo-new button");
    }

    /** Clicks, then waits for the page the click loads (every action here is a form post or a link). */
    private void click(String selector) {
        WebElement element = browser.findElement(By.cssSelector(selector));
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                // Stale, or (Chromium's way of saying so) a node that no longer belongs to the document.
                return true;
            }
        });
    }

    private List<String> titles() {
        return browser.findElements(By.cssSelector(".todo-title")).stream().map(WebElement::getText).toList();
    }

    private String text(String selector) {
        return browser.findElement(By.cssSelector(selector)).getText();
    }

    private long firstTodoId() {
        return Long.parseLong(browser.findElement(By.cssSelector(".todo-list li")).getAttribute("id").substring("todo-".length()));
    }

    private String expectedType(String path) {
        if (path.equals("/") || path.equals("/hello")) {
            return "text/html";
        }
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "(no type expected for " + path + ")");
    }

    /** Waits for the page's script to fill an element in, up to 15 s; returns its text then. */
    private String awaitText(String selector, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = browser.findElement(org.openqa.selenium.By.cssSelector(selector)).getText();
            if (text.equals(expected)) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return text;
    }

    private void screenshot() {
        screenshot("home");
    }

    private void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser"));
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + "-" + deployment.name().toLowerCase(Locale.ROOT) + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> message(LogEntry entry) {
        return map(map(new Json().toType(entry.getMessage(), Map.class)).get("message"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
