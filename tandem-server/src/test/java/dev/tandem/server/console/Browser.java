package dev.tandem.server.console;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real headless Chromium driven through Debian's chromedriver, so Selenium Manager never downloads anything.
 * One per test class: starting a browser costs seconds.
 */
final class Browser implements AutoCloseable {
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";

    private final Path profile;
    private final WebDriver driver;
    private final URI base;

    Browser(URI base) {
        this.base = base;
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            this.profile = Files.createTempDirectory("tandem-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Opens a path of the console. */
    void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    /** Signs in through the form (from wherever the browser is). */
    void signIn(String username, String password) {
        open("/login");
        fill(By.id("username"), username);
        fill(By.id("password"), password);
        clickAndWait(By.id("sign-in"));
    }

    /** Signs out when signed in, by dropping the cookies (the sign-out button is tested on its own). */
    void forgetSession() {
        driver.manage().deleteAllCookies();
    }

    /** The current path and query. */
    String path() {
        URI uri = URI.create(driver.getCurrentUrl());
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** Clicks something that loads another page, and waits until that page has replaced this one. */
    void clickAndWait(By target) {
        clickAndWait(driver.findElement(target));
    }

    /** As {@link #clickAndWait(By)} for an element already found. */
    void clickAndWait(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        waitForNewPage(page);
    }

    /** Waits until {@code oldPage} (the html element of the page before) is gone and the new page has loaded. */
    void waitForNewPage(WebElement oldPage) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> isGone(oldPage));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether an element has left the document. Mid-navigation, Chrome sometimes reports the old node with a
     * generic inspector error ("does not belong to the document") instead of a stale-element error; both mean gone.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            String message = e.getMessage();
            if (message != null && message.contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Types into a field after clearing it. */
    void fill(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** The visible text of the element. */
    String text(By by) {
        return driver.findElement(by).getText();
    }

    /** The page's visible text. */
    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temp profile is harmless.
            }
        }
    }
}
