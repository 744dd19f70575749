package dev.imgwire.samples.support.test;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The set-up of a browser test class: one headless Chromium for all of its tests, started
 * before the first and quit after the last, recording what the pages' Content-Security-
 * Policy blocks from the first page on. Test classes run one after another, so one
 * browser at a time.
 *
 * @author Imgwire
 */
public abstract class BrowserTestSupport {

	/** How long a test waits for the page. */
	protected static final Duration WAIT = Duration.ofSeconds(60);

	protected static ChromeDriver driver;

	protected static CspViolations cspViolations;

	@BeforeAll
	static void startBrowser(@TempDir Path profile) {
		driver = HeadlessChromium.start(profile);
		cspViolations = CspViolations.recordIn(driver);
	}

	@AfterAll
	static void quitBrowser() {
		if (driver != null) {
			driver.quit();
			driver = null;
			cspViolations = null;
		}
	}

	/**
	 * A wait that checks ten times a second, up to {@link #WAIT}.
	 * @return the wait
	 */
	protected static WebDriverWait waitFor() {
		WebDriverWait wait = new WebDriverWait(driver, WAIT);
		wait.pollingEvery(Duration.ofMillis(100));
		return wait;
	}

	protected static JavascriptExecutor js() {
		return driver;
	}

}
