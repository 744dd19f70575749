package dev.imgwire.samples.support.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the Debian packages ({@code chromium}, {@code chromium-driver}).
 * Both binaries are given explicitly, so Selenium Manager never looks for, let alone
 * downloads, a browser or a driver. The browser's console is kept, so that a test can
 * check that the Content-Security-Policy blocked nothing (see {@link CspViolations}).
 *
 * @author Imgwire
 */
public final class HeadlessChromium {

	public static final Path BROWSER = Path.of("/usr/bin/chromium");

	public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/**
	 * Start a browser, or skip the test when the packages are missing: locally that is a
	 * choice, but on CI ({@code CI=true}) a browser test that silently skips proves
	 * nothing, so it fails.
	 * @param userDataDirectory an empty directory for the browser profile
	 * @return the driver; quit it when done
	 */
	public static ChromeDriver start(Path userDataDirectory) {
		if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
			String message = "Headless Chromium is not installed (" + BROWSER + ", " + DRIVER
					+ "): apt-get install chromium chromium-driver";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + "; browser tests must run on CI");
			}
			Assumptions.abort(message + "; skipping the browser test");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1024", "--user-data-dir=" + userDataDirectory.toAbsolutePath());
		// The console, where the browser reports what a Content-Security-Policy blocked.
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(60))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		return driver;
	}

}
