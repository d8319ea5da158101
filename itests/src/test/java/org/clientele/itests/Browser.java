package org.clientele.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the Debian packages, driven through /usr/bin/chromedriver (nothing is
 * downloaded at run time), with a fresh profile and a download folder of its own.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("clientele.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("clientele.chromedriver", "/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);

    final WebDriver driver;
    final Path downloads;
    private final Path profile;
    private final Path screenshots;
    private final ChromeDriverService service;

    Browser(Path work, Path screenshots) throws IOException {
        this.screenshots = screenshots;
        Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory(work, "chromium-profile-");
        KarafProcess.deleteTree(work.resolve("downloads"));
        this.downloads = Files.createDirectories(work.resolve("downloads"));
        // no Selenium Manager: the driver and the browser are given
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_SILENT_OUTPUT_PROPERTY, "true");
        service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--lang=en-US", "--window-size=1366,768",
                "--user-data-dir=" + profile.toAbsolutePath());
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", "en-US,en");
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("credentials_enable_service", false);
        prefs.put("profile.password_manager_enabled", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        size(1366, 768);
    }

    /** The viewport (not the window) in CSS pixels. */
    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Object inner = js("return [window.innerWidth, window.innerHeight]");
        @SuppressWarnings("unchecked")
        List<Number> wh = (List<Number>) inner;
        int dw = width - wh.get(0).intValue();
        int dh = height - wh.get(1).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T await(String what, ExpectedCondition<T> condition) {
        // the page re-renders parts of itself: an element found a moment ago may be gone
        return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until exactly one element matches and is shown. */
    WebElement shown(String css) {
        return await(css + " shown", d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.size() == 1 && found.get(0).isDisplayed() ? found.get(0) : null;
        });
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Saves a screenshot as {@code name}.png. */
    Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(name + ".png");
        Path tmp = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** What the page wrote to the console (errors help when a test fails). */
    List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            KarafProcess.deleteTree(profile);
        }
    }
}
