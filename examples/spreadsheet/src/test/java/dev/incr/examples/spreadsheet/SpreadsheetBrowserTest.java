package dev.incr.examples.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The spreadsheet as its users use it: two real (headless) browsers on one server. An edit in one
 * appears in the other with its dependents updated; a circular reference shows {@code #CYCLE!} in
 * both and is fixed from the other browser. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Needs the system Chromium and chromedriver ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs them). Without them the test skips itself, saying so,
 * unless {@code -Dincr.requireTools=true} makes that a failure. Selenium is given both paths, so it
 * never tries to download a browser or driver.
 */
class SpreadsheetBrowserTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static SpreadsheetServer server;
  private static final List<WebDriver> drivers = new ArrayList<>();
  private static final List<Path> profiles = new ArrayList<>();

  /** Why the browser test cannot run here, or null when Chromium and chromedriver are installed. */
  private static String missingTool;

  @BeforeAll
  static void startServer() throws IOException {
    for (String path : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!new File(path).canExecute()) {
        missingTool = path + " is missing: install the system browser and driver (`apt-get"
            + " install chromium chromium-driver` on Debian or Ubuntu) to run this test";
        if (Boolean.getBoolean("incr.requireTools")) {
          fail(missingTool + " (-Dincr.requireTools=true turns this skip into a failure)");
        }
        return;
      }
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    Files.createDirectories(SCREENSHOTS);
    server = SpreadsheetServer.start(SpreadsheetServer.demoSheet(), "127.0.0.1", 0);
  }

  @BeforeEach
  void skipWithoutBrowser() {
    assumeTrue(missingTool == null, missingTool);
  }

  @AfterAll
  static void stopAll() throws IOException {
    for (WebDriver driver : drivers) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    for (Path profile : profiles) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static WebDriver openBrowser() throws IOException {
    Path profile = Files.createTempDirectory("incr-sheet-chromium");
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1360,1100",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    WebDriver driver = new ChromeDriver(service, options);
    drivers.add(driver);
    driver.get(server.url());
    new WebDriverWait(driver, WAIT).until(
        ExpectedConditions.attributeToBe(By.tagName("body"), "data-connected", "true"));
    return driver;
  }

  private static void edit(WebDriver driver, String cell, String raw) {
    driver.findElement(By.id("cell-" + cell)).click();
    WebElement formula = driver.findElement(By.id("formula"));
    formula.clear();
    formula.sendKeys(raw, Keys.ENTER);
  }

  private static void awaitCell(WebDriver driver, String cell, String shown) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.textToBe(By.id("cell-" + cell), shown));
  }

  private static List<String> recomputedChips(WebDriver driver) {
    List<String> names = new ArrayList<>();
    for (WebElement chip : driver.findElements(By.cssSelector("#recomputed .chip"))) {
      names.add(chip.getText());
    }
    return names;
  }

  private static void screenshot(WebDriver driver, String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void twoBrowsersShareEditsAndRecoverFromACycle() throws IOException {
    WebDriver alice = openBrowser();
    WebDriver bob = openBrowser();
    awaitCell(alice, "D9", "32.724");
    awaitCell(bob, "D9", "32.724");

    // An edit in one browser appears in the other, with its dependents recomputed.
    edit(alice, "B2", "20");
    awaitCell(bob, "B2", "20");
    awaitCell(bob, "D2", "10");
    awaitCell(bob, "D7", "34.3");
    awaitCell(bob, "D9", "37.044");
    awaitCell(bob, "B19", "12.956");
    awaitCell(alice, "D9", "37.044");
    List<String> recomputed = recomputedChips(bob);
    assertTrue(recomputed.containsAll(List.of("B2", "D2", "D7", "D8", "D9")), recomputed.toString());
    assertFalse(recomputed.contains("D3"), recomputed.toString()); // not a dependent of B2
    assertTrue(bob.findElement(By.id("summary")).getText().startsWith("Re-ran "));
    screenshot(bob, "1-edit-seen-by-other-browser.png");

    // A circular reference shows #CYCLE! on every cell of the cycle, in both browsers.
    edit(alice, "B2", "=D9");
    for (String cell : List.of("B2", "D2", "D7", "D8", "D9", "B18", "B19")) {
      awaitCell(bob, cell, "#CYCLE!");
      awaitCell(alice, cell, "#CYCLE!");
    }
    awaitCell(bob, "D3", "4.5"); // the rest of the sheet works
    String tooltip = bob.findElement(By.id("cell-B2")).getAttribute("title");
    assertTrue(tooltip.startsWith("circular reference: "), tooltip);
    screenshot(alice, "2-circular-reference.png");

    // The other browser breaks the cycle; everything recovers, in both.
    edit(bob, "B2", "12");
    for (WebDriver driver : List.of(alice, bob)) {
      awaitCell(driver, "B2", "12");
      awaitCell(driver, "D2", "6");
      awaitCell(driver, "D9", "32.724");
      awaitCell(driver, "B18", "ok");
    }

    // Editing still works after the cycle, and the page shows what re-ran.
    edit(bob, "C3", "2.75");
    awaitCell(alice, "D3", "5.5");
    awaitCell(alice, "D9", "33.804");
    assertEquals("C3", alice.findElement(By.cssSelector("#last-edit b")).getText());

    // Selecting a cell asks the engine why it has its value: down to Bob's edit of C3.
    alice.findElement(By.id("cell-B19")).click();
    new WebDriverWait(alice, WAIT).until(ExpectedConditions.textMatches(
        By.id("why-chain"), java.util.regex.Pattern.compile("(?s)^B19 changed.*C3\\.raw.*an edit")));
    screenshot(alice, "3-recovered.png");
  }
}
