package io.inflow.node.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.inflow.node.InflowNode;
import io.inflow.node.TestTokens;
import io.inflow.node.http.HttpClientSupport;
import io.inflow.node.storage.TestCassandra;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard end to end, in Debian's headless Chromium driven by its chromedriver, against a real
 * node on the embedded Cassandra with the demo data: sign in (a wrong token first), brands, a brand,
 * a campaign that changes live while events are ingested through the API (no reload), a CSV export
 * read back from disk, drill-down to an influencer and its fraud explanation, the network, the
 * ranked list, and the campaign at a phone's width. Each view is saved as a screenshot in
 * {@code target/e2e-screenshots/}; the browser's console must stay free of errors.
 *
 * <p>Needs {@code chromium} and {@code chromium-driver} ({@code ./inflow test} installs them with
 * apt when they are missing); other paths through {@code INFLOW_CHROMIUM} and {@code INFLOW_CHROMEDRIVER}.
 */
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Path SHOTS = Path.of("target", "e2e-screenshots");
  private static final Path DOWNLOADS = Path.of("target", "e2e-downloads").toAbsolutePath();
  private static final String CAMPAIGN = "acme-spring-launch";

  private static InflowNode node;
  private static HttpClientSupport http;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws IOException {
    Path chromium = Path.of(env("INFLOW_CHROMIUM", "/usr/bin/chromium"));
    Path driver = Path.of(env("INFLOW_CHROMEDRIVER", "/usr/bin/chromedriver"));
    assertTrue(Files.isExecutable(chromium) && Files.isExecutable(driver), "the dashboard tests need " + chromium
        + " and " + driver + ": apt-get install chromium chromium-driver (./inflow test does it when run as root)");
    node = InflowNode.start(NodeFixture.config("""
        inflow.cassandra.contact-points = "%s"
        inflow.cassandra.keyspace = "%s"
        inflow.data-dir = "%s"
        inflow.read-model.flush-interval = 1s
        inflow.coordination.interval = 1s
        """.formatted(TestCassandra.get().contactPoint(), TestCassandra.uniqueKeyspace("dashboard"),
        NodeFixture.workDir("dashboard").toString().replace("\\", "/"))));
    http = NodeFixture.client(node);
    io.inflow.node.DemoData.load(node.services(), Instant.now());

    for (Path dir : List.of(SHOTS, DOWNLOADS)) {
      Files.createDirectories(dir);
      try (var old = Files.list(dir)) {
        for (Path p : old.toList()) Files.delete(p);
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    // the machine's network is closed: no background calls to Google, no first-run, no sandbox as root
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1366,900",
        "--user-data-dir=" + NodeFixture.workDir("chromium-profile").toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
        "download.prompt_for_download", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.quit();
    if (node != null) node.close();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Test
  void aManagerFollowsACampaignLiveAndDrillsDownToTheFraudExplanation() throws Exception {
    try {
      followACampaign();
    } catch (Exception | AssertionError e) {
      // what the page showed, for the CI log and as target/e2e-screenshots/failure.png
      shot("failure");
      String page = browser.findElement(By.tagName("body")).getText();
      throw new AssertionError(e.getMessage() + "\n--- page at " + browser.getCurrentUrl() + ":\n"
          + page.substring(0, Math.min(2000, page.length())) + "\n--- console: " + consoleErrors(), e);
    }
  }

  private void followACampaign() throws Exception {
    // sign in: a wrong token is refused with what to do; the right one is kept for the session
    browser.get(node.apiUrl() + "/");
    WebElement tokenField = waitFor(By.id("token"));
    shot("01-sign-in");
    tokenField.sendKeys("not-a-token", Keys.ENTER);
    wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".form-error"), "./inflow token"));
    List<String> refused = consoleErrors();
    assertEquals(1, refused.size(), "only the refused sign-in call: " + refused);
    assertTrue(refused.get(0).contains("401"), refused.get(0));
    waitFor(By.id("token")).sendKeys(TestTokens.admin(), Keys.ENTER);

    // brands (read model, flushed every second here) → acme → its campaigns
    WebElement acme = wait(ExpectedConditions.elementToBeClickable(By.xpath("//table[@data-table='brands']//a[text()='acme']")));
    shot("02-brands");
    acme.click();
    WebElement campaignLink = wait(ExpectedConditions.elementToBeClickable(
        By.xpath("//table[@data-table='brand-acme-campaigns']//a[text()='acme spring launch']")));
    waitFor(By.cssSelector("[data-chart='brand-trend'] canvas"));
    shot("03-brand");
    assertNoConsoleErrors("brand overview");

    // the campaign: tiles, charts, live
    campaignLink.click();
    wait(ExpectedConditions.textToBe(By.cssSelector(".live-status"), "● live"));
    waitFor(By.cssSelector("[data-chart='campaign-series'] canvas"));
    waitFor(By.cssSelector("[data-chart='campaign-heatmap'] canvas"));
    String clicksBefore = tileValue("clicks");
    long chartViewsBefore = chartViews();
    shot("04-campaign");
    js("document.body.dataset.loadedOnce = 'yes'"); // gone if the page reloads

    // ingest through the API while the page is open: three clicks and a post's counters growing by 100,000 views
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      events.append("""
          {"type":"click","eventId":"e2e-click-%d","campaignId":"%s","influencerId":"anna-fit","occurredAt":"%s"}
          """.formatted(i, CAMPAIGN, now));
    }
    JsonNode post = http.get("/api/v1/influencers/anna-fit").json();
    events.append(("{\"type\":\"post.metrics\",\"eventId\":\"e2e-pm-1\",\"influencerId\":\"anna-fit\",\"platform\":\"%s\","
        + "\"postId\":\"anna-fit-p1\",\"campaignId\":\"%s\",\"observedAt\":\"%s\",\"views\":5000000,\"likes\":200000,"
        + "\"comments\":4000}\n").formatted(post.get("platform").asText(), CAMPAIGN, now));
    var ingested = http.ndjson(events.toString());
    assertEquals(200, ingested.status(), ingested.raw().body());
    assertEquals(4, ingested.json().get("accepted").asInt(), ingested.raw().body());

    long clicks = Long.parseLong(clicksBefore.replace(",", "")) + 3;
    wait(d -> tileValue("clicks").replace(",", "").equals(String.valueOf(clicks)));
    wait(d -> chartViews() > chartViewsBefore);
    assertEquals("yes", js("return document.body.dataset.loadedOnce"), "the page was not reloaded");
    shot("05-campaign-live");

    // CSV export of the breakdown table: the file holds exactly the rows and columns shown
    // (in one script: the table is redrawn whenever a live update brings a fresh report)
    String table = "table[data-table='campaign-" + CAMPAIGN + "-by-influencer']";
    waitFor(By.cssSelector(table));
    long rowsShown = ((Number) js("const t = document.querySelector(arguments[0]);"
        + "t.closest('.table-wrap').querySelector('button.export').click();"
        + "return t.querySelectorAll('tbody tr').length", table)).longValue();
    Path csv = DOWNLOADS.resolve("campaign-" + CAMPAIGN + "-by-influencer.csv");
    wait(d -> Files.isRegularFile(csv) && size(csv) > 0);
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertTrue(lines.get(0).startsWith("influencer,Views,Reach,Engagements"), lines.get(0));
    assertEquals(rowsShown + 1, lines.size(), "header + every row shown");
    String annaViews = null;
    for (JsonNode entry : http.get("/api/v1/campaigns/" + CAMPAIGN + "/report?by=influencer&from="
        + csvRange()).json().get("breakdown")) {
      if ("anna-fit".equals(entry.get("key").asText())) annaViews = entry.get("row").get("views").asText();
    }
    String annaRow = "anna-fit," + annaViews + ",";
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(annaRow)), "anna-fit's views in " + lines);
    assertNoConsoleErrors("campaign");

    // drill down, by keyboard, to the influencer who bought followers: the explanation says so
    js("[...document.querySelectorAll(arguments[0] + ' tbody tr')].find(r => r.cells[0].textContent.trim() === 'tom-gaming')"
        + ".focus()", table);
    browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    WebElement level = waitFor(By.cssSelector(".fraud-level"));
    assertEquals("high", level.getAttribute("data-level"));
    wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".reasons"), "Followers grew"));
    waitFor(By.cssSelector("[data-chart='influencer-followers'] canvas"));
    shot("06-influencer");
    assertNoConsoleErrors("influencer");

    // the network: the demo's engagement pod is one suspicious cluster
    browser.findElement(By.linkText("Network")).click();
    WebElement clusters = waitFor(By.cssSelector("table[data-table='network-clusters']"));
    String pod = clusters.getText();
    assertTrue(pod.contains("eva-vlogs") && pod.contains("sam-reviews") && pod.contains("maja-home"), pod);
    assertTrue(pod.contains("suspicious"), pod);
    waitFor(By.cssSelector("[data-chart='network'] canvas"));
    shot("07-network");

    browser.findElement(By.linkText("Influencers")).click();
    waitFor(By.xpath("//table[@data-table='influencers']//a[text()='tom-gaming']"));
    shot("08-influencers");
    assertNoConsoleErrors("network and influencer list");

    // a phone's width: nothing wider than the screen
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(node.apiUrl() + "/#/campaign/" + CAMPAIGN);
    wait(ExpectedConditions.textToBe(By.cssSelector(".live-status"), "● live"));
    waitFor(By.cssSelector("[data-chart='campaign-series'] canvas"));
    long overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
    assertTrue(overflow <= 1, "page is " + overflow + " px wider than a phone");
    shot("09-campaign-phone");
    assertNoConsoleErrors("phone width");
  }

  /** The range the page asked for, from its filters: {@code 2026-11-15&to=2026-11-30}. */
  private static String csvRange() {
    return browser.findElement(By.id("f-from")).getAttribute("value") + "&to="
        + browser.findElement(By.id("f-to")).getAttribute("value");
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Read in one script: live updates replace the tiles at any moment, which would stale a found element. */
  private static String tileValue(String kpi) {
    return (String) js("return document.querySelector(\"[data-kpi='\" + arguments[0] + \"'] .tile-value\").textContent", kpi);
  }

  private static long chartViews() {
    Object views = js("return document.querySelector(\"[data-chart='campaign-series']\").dataset.views");
    return views == null ? -1 : Long.parseLong(views.toString());
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static WebElement waitFor(By by) {
    return wait(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static <T> T wait(java.util.function.Function<? super WebDriver, T> condition) {
    return new WebDriverWait(browser, WAIT).until(condition);
  }

  /** The whole page (the window stretched to its height for the shot) as {@code target/e2e-screenshots/<name>.png}. */
  private static void shot(String name) throws IOException {
    Dimension window = browser.manage().window().getSize();
    long chrome = window.getHeight() - ((Number) js("return window.innerHeight")).longValue();
    long page = ((Number) js("return document.documentElement.scrollHeight")).longValue();
    browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(8000, page + chrome)));
    js("return new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 300))");
    Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    browser.manage().window().setSize(window);
  }

  /** Console errors since the last call (the log is drained by reading it). */
  private static List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(entry.getMessage());
    }
    return errors;
  }

  private static void assertNoConsoleErrors(String where) {
    List<String> errors = consoleErrors();
    assertTrue(errors.isEmpty(), "console errors in " + where + ": " + errors);
  }
}
