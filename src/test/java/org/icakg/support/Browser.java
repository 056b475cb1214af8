package org.icakg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium (Debian's {@code chromium} and {@code chromium-driver}). Tests that need
 * it are skipped, with the reason shown, when either is missing. Registered as an extension (a static field, before
 * the {@link ServerExtension} of the class) it starts before the class's first test, quits after its last, and saves
 * a screenshot of the page under {@code target/screenshots/} when a test fails.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestWatcher, AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** Longest wait for something to appear on a page. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private WebDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /**
     * Starts the browser (once: the running one when it is started already), or skips the calling tests when
     * Chromium or its driver is not installed.
     */
    public WebDriver start() {
        if (driver != null)
            return driver;
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
        try {
            profile = Files.createTempDirectory("ica-kg-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        return driver;
    }

    public WebDriver driver() { return driver; }

    /** A wait of at most {@link #WAIT}. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null)
            return;
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path file = SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + ".png");
            Files.write(file, png);
            System.err.println("Screenshot of the failed browser test: " + file.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot of the failed browser test: " + e);
        }
    }

    @Override
    public void close() {
        if (driver != null)
            driver.quit();
        driver = null;
        if (profile != null)
            deleteQuietly(profile);
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove the browser profile " + dir + ": " + e.getMessage());
        }
    }
}
