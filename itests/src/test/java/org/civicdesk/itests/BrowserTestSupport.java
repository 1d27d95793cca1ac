package org.civicdesk.itests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.Before;
import org.junit.Rule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromedriver, no download) for each test, with
 * screenshots in {@code target/screenshots} and, on a failure, the page, its picture and the
 * browser's console kept beside them.
 */
public abstract class BrowserTestSupport {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    protected WebDriver browser;
    protected WebDriverWait wait;

    /** The window the test looks through, {@code "width,height"}: a desk's screen unless a class says otherwise. */
    protected String windowSize() {
        return "1400,1100";
    }

    @Before
    public void openBrowser() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        // The flags the machine's notes give for a closed network, plus a fresh profile each time.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + windowSize(), "--lang=ro",
                "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // A screen re-renders while a condition is checked (the phone panel refreshes on its own): look again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    /** On a failure: the page as it was, its picture and the browser's console, beside the screenshots. */
    @Rule
    public final TestWatcher keepEvidence = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description test) {
            try {
                screenshot("FAILED-" + test.getMethodName());
                Files.writeString(SCREENSHOTS.resolve("FAILED-" + test.getMethodName() + ".html"), browser.getPageSource());
                Files.write(SCREENSHOTS.resolve("FAILED-" + test.getMethodName() + ".log"), browser.manage().logs()
                        .get(LogType.BROWSER).getAll().stream().map(Object::toString).toList());
            } catch (Exception ignored) {
                // the failure itself is what matters
            }
        }

        /** The browser closes here, after {@link #failed}: an {@code @After} would close it before. */
        @Override
        protected void finished(Description test) {
            if (browser != null) {
                browser.quit();
            }
        }
    };

    /**
     * Types {@code text} into the field, whole, even if the screen redraws it meanwhile (a list it shows being reloaded):
     * a field found stale or left without the text is found and filled again.
     */
    protected void type(By field, String text) {
        wait.until(d -> {
            WebElement input = d.findElement(field);
            if (!text.equals(input.getAttribute("value"))) {
                input.clear();
                input.sendKeys(text);
            }
            return text.equals(d.findElement(field).getAttribute("value"));
        });
    }

    /**
     * The WCAG 2.1 A and AA violations axe-core finds on the page as it is now, as readable lines
     * (empty when it passes); fails if axe did not run its rules at all.
     */
    protected List<String> wcagViolations(String where) {
        com.deque.html.axecore.args.AxeRunOptions options = new com.deque.html.axecore.args.AxeRunOptions();
        // Every node of a violation, one example of each other result: the passing nodes of a long table otherwise
        // make megabytes of JSON through WebDriver, several seconds a screen.
        options.setResultTypes(List.of("violations"));
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder().withOptions(options)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        org.junit.Assert.assertFalse("axe ran its rules on " + where, results.getPasses().isEmpty());
        return results.getViolations().stream().map(v -> where + ": " + v.getId() + " — " + v.getHelp() + " "
                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList()).toList();
    }

    protected void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
