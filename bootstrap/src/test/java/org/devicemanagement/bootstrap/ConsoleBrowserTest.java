package org.devicemanagement.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devicemanagement.bootstrap.BootstrapTestData.ADELE_UPN;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.devicemanagement.bootstrap.config.ClockSetting;
import org.devicemanagement.bootstrap.server.DeviceManagementServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real, headless Chromium (Debian's {@code chromium} and {@code
 * chromium-driver}): a retire through the Graph API shows in the page without a reload, and
 * advancing the virtual clock from the page makes the retired devices leave. Skipped, saying what
 * was looked for, where no browser and driver are installed.
 */
class ConsoleBrowserTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<String> BROWSERS =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final List<String> DRIVERS =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
  private static final Path SCREENSHOT = Path.of("target", "console", "console.png");
  // A bound on waiting for the page, not a timing under test: the console shows a change within a
  // second, and a loaded machine may take longer.
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir static Path dataDir;

  private DeviceManagementServer server;
  private WebDriver browser;

  @BeforeEach
  void openBrowser() {
    Optional<String> chromium = firstExecutable("CHROME_BIN", BROWSERS);
    Optional<String> driver = firstExecutable("CHROMEDRIVER", DRIVERS);
    Assumptions.assumeTrue(
        chromium.isPresent() && driver.isPresent(),
        () ->
            "no headless browser to drive: looked for Chromium at $CHROME_BIN or %s (%s) and for"
                    .formatted(BROWSERS, chromium.isPresent() ? "found" : "none found")
                + " chromedriver at $CHROMEDRIVER or %s (%s); apt-get install chromium chromium-driver"
                    .formatted(DRIVERS, driver.isPresent() ? "found" : "none found"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.orElseThrow());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1440,1250",
        "--lang=en-GB");
    // Named to Selenium so that it never looks for (or downloads) a driver of its own; set as a
    // property because ChromeDriverService's annotations are not on the class path for javac.
    System.setProperty("webdriver.chrome.driver", driver.orElseThrow());
    browser = new ChromeDriver(options);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void
      givenConsoleOpen_whenUserRetiredThroughGraphAndClockAdvancedFromPage_thenDevicesChangeThenLeave()
          throws IOException {
    server =
        DeviceManagementServer.start(
            BootstrapTestData.settings(dataDir).withPort(0).withClock(ClockSetting.virtual(START)));
    URI base = server.baseUri();
    browser.get(base.resolve("_emulator/").toString());
    WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
    wait.ignoring(StaleElementReferenceException.class);
    wait.until(ExpectedConditions.textToBe(By.id("clock-now"), "2026-01-01 00:00:00Z"));
    click(wait, By.cssSelector(adeleRow() + " button.open-user"));
    wait.until(d -> deviceStates().size() == 5);
    assertThat(deviceStates()).doesNotContain("retirePending");
    // Survives only as long as the page is not reloaded.
    ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

    String token = BootstrapTestData.delegatedToken(server.signingKeys().orElseThrow(), ADELE_UPN);
    assertThat(
            BootstrapTestData.send(
                    BootstrapTestData.post(
                        base, "v1.0/users/" + ADELE_UPN + "/removeAllDevicesFromManagement", token))
                .statusCode())
        .isEqualTo(204);

    wait.until(
        d ->
            deviceStates().stream().filter("retirePending"::equals).count() == 4
                && deviceStates().contains("wipePending"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(adeleRow() + " .states"), "retirePending: 4"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#requests tbody"), "/removeAllDevicesFromManagement"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("audit-events"), "Retire all devices of a user"));

    click(wait, By.id("advance-8h"));

    wait.until(ExpectedConditions.textToBe(By.id("clock-now"), "2026-01-01 08:00:00Z"));
    wait.until(d -> deviceStates().equals(List.of("wipePending")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("audit-events"), "Retire completed at check-in"));
    wait.until(ExpectedConditions.textToBe(By.cssSelector(adeleRow() + " .device-count"), "1"));
    assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;"))
        .isEqualTo(true);

    click(wait, By.id("fault-add"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#fault-list tbody"), "/*/users/*/removeAllDevicesFromManagement"));
    browser.findElement(By.id("journal-status")).sendKeys("4xx");
    wait.until(
        ExpectedConditions.textToBe(By.id("requests-empty"), "No request matches the filter."));
    browser.findElement(By.id("journal-status")).clear();
    browser.findElement(By.id("journal-status")).sendKeys("204");
    click(wait, By.cssSelector("#requests tbody tr button"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("request-fields"), "DeviceManagementManagedDevices.PrivilegedOperations.All"));
    saveScreenshot();
  }

  private static String adeleRow() {
    return "#users tr[data-upn='" + ADELE_UPN + "']";
  }

  /** The states of the devices shown, read in one step (the page redraws its rows as it likes). */
  private List<String> deviceStates() {
    Object states =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Array.from(document.querySelectorAll('#devices tbody tr'),"
                    + " row => row.dataset.state);");
    return ((List<?>) states).stream().map(String::valueOf).toList();
  }

  /** Clicks what {@code selector} finds, finding it again if the page redrew it meanwhile. */
  private void click(WebDriverWait wait, By selector) {
    wait.until(
        d -> {
          d.findElement(selector).click();
          return true;
        });
  }

  private void saveScreenshot() throws IOException {
    WebElement page = browser.findElement(By.tagName("body"));
    File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    Files.createDirectories(SCREENSHOT.getParent());
    Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    assertThat(page.isDisplayed()).isTrue();
    assertThat(Files.size(SCREENSHOT)).isPositive();
  }

  private static Optional<String> firstExecutable(String environment, List<String> candidates) {
    String chosen = System.getenv(environment);
    return Stream.concat(Stream.ofNullable(chosen), candidates.stream())
        .filter(path -> Files.isExecutable(Path.of(path)))
        .findFirst();
  }
}
