package dev.imgwire.samples.support.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Collects what a page's Content-Security-Policy blocked, two ways: the
 * {@code securitypolicyviolation} events of every page of the app's origin, recorded by a
 * script the browser runs before the page's own (and which the policy does not govern),
 * and the browser console, where Chromium reports each blocked load or script.
 *
 * @author Imgwire
 */
public final class CspViolations {

	private static final String STORAGE_KEY = "test.csp-violations";

	// Kept in sessionStorage, so violations of a page survive the navigation to the next.
	private static final String RECORDER = """
			document.addEventListener('securitypolicyviolation', (event) => {
				const key = '%s';
				const list = JSON.parse(sessionStorage.getItem(key) || '[]');
				list.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} on ${event.documentURI}`);
				sessionStorage.setItem(key, JSON.stringify(list));
			});
			"""
		.formatted(STORAGE_KEY);

	private final ChromeDriver driver;

	private CspViolations(ChromeDriver driver) {
		this.driver = driver;
	}

	/**
	 * Start recording in every page the browser loads from now on.
	 * @param driver the browser
	 * @return the recorder
	 */
	public static CspViolations recordIn(ChromeDriver driver) {
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
		return new CspViolations(driver);
	}

	/**
	 * The violations seen since the last call, then forgotten: those the current page's
	 * origin recorded, and the console's reports.
	 * @return a description of each violation, empty when none
	 */
	public List<String> takeAll() {
		List<String> violations = new ArrayList<>();
		Object recorded = this.driver.executeScript("""
				const key = arguments[0];
				const list = JSON.parse(sessionStorage.getItem(key) || '[]');
				sessionStorage.removeItem(key);
				return list;
				""", STORAGE_KEY);
		if (recorded instanceof List<?> list) {
			list.forEach((violation) -> violations.add("event: " + violation));
		}
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			// Chromium's reports of what a policy blocked, and of what it refused to load
			// or run for another reason, such as a script or style sheet of the wrong
			// type.
			if (entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Refused to")) {
				violations.add("console: " + entry.getMessage());
			}
		}
		return violations;
	}

}
