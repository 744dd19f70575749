package dev.imgwire.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.support.SampleAppClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSRF token over real HTTP: it is kept in the session, handed to the page by
 * {@code GET /api/csrf}, and replaced at login and logout, so no value chosen or learnt
 * by someone else passes.
 *
 * @author Imgwire
 */
// The same settings as UploadTokenEndpointTests, so the two share one application
// context.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=token-test-password", "sample.emulator.processing-delay=100ms",
				"sample.rate-limit.tokens-per-minute=1000" })
class CsrfProtectionTests {

	private static final String PASSWORD = "token-test-password";

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@Nested
	class TokenEndpoint {

		@Test
		void answersAnyVisitorTheSessionsTokenAndWhereToSendIt() {
			SampleAppClient anonymous = client();

			HttpResponse<String> response = anonymous.get("/api/csrf");

			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = SampleAppClient.json(response);
			assertThat(body.path("token").asString()).isNotBlank();
			assertThat(body.path("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
			assertThat(body.path("parameterName").asString()).isEqualTo("_csrf");
			assertThat(response.headers().firstValue("Cache-Control"))
				.hasValueSatisfying((cacheControl) -> assertThat(cacheControl).contains("no-store"));
		}

		@Test
		void isNotLoadedByAScrapeOfTheActuatorWhichOpensNoSession() throws Exception {
			String credentials = Base64.getEncoder()
				.encodeToString(("demo:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			HttpRequest scrape = HttpRequest
				.newBuilder(URI.create("http://localhost:" + CsrfProtectionTests.this.port + "/actuator/prometheus"))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Basic " + credentials)
				.build();

			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(scrape, HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		}

		@Test
		void isTheOnlyPlaceTheTokenComesFromNoCookieCarriesIt() {
			SampleAppClient user = client().login("demo", PASSWORD);

			HttpResponse<String> page = user.get("/");
			HttpResponse<String> token = user.get("/api/csrf");

			assertThat(page.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.contains("XSRF"));
			assertThat(token.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.contains("XSRF"));
			assertThat(user.cookie("XSRF-TOKEN")).isNull();
		}

	}

	@Nested
	class ForgedTokens {

		@Test
		void cookieAndMatchingHeaderChosenByAnAttackerAreRefused() {
			SampleAppClient user = client().login("demo", PASSWORD);
			user.plantCookie("XSRF-TOKEN", "attacker-chosen-value");
			int tokensBefore = CsrfProtectionTests.this.emulator.state().uploadTokens().size();

			HttpResponse<String> response = user.postJson("/api/upload-tokens", "", "attacker-chosen-value");

			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(SampleAppClient.json(response).path("error").asString()).contains("CSRF");
			assertThat(CsrfProtectionTests.this.emulator.state().uploadTokens()).hasSize(tokensBefore);
		}

		@Test
		void validTokenOfAnotherSessionIsRefused() {
			SampleAppClient attacker = client().login("demo", PASSWORD);
			SampleAppClient victim = client().login("demo", PASSWORD);

			HttpResponse<String> response = victim.postJson("/api/upload-tokens", "", attacker.csrfToken());

			assertThat(response.statusCode()).isEqualTo(403);
		}

		@Test
		void tokenOfTheUsersOwnSessionIsAccepted() {
			SampleAppClient user = client().login("demo", PASSWORD);

			HttpResponse<String> response = user.postJson("/api/upload-tokens", "", user.csrfToken());

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}

	}

	@Nested
	class Rotation {

		@Test
		void tokenLearntBeforeLoginIsRefusedAfterLogin() {
			SampleAppClient user = client();
			String beforeLogin = user.csrfToken();
			String sessionBeforeLogin = user.cookie("SESSION");

			user.login("demo", PASSWORD);
			String afterLogin = user.csrfToken();

			assertThat(afterLogin).isNotEqualTo(beforeLogin);
			assertThat(user.cookie("SESSION")).as("session id after login").isNotEqualTo(sessionBeforeLogin);
			assertThat(user.postJson("/api/upload-tokens", "", beforeLogin).statusCode()).isEqualTo(403);
			assertThat(user.postJson("/api/upload-tokens", "", afterLogin).statusCode()).isEqualTo(200);
		}

		@Test
		void tokenOfALoggedOutSessionIsRefused() {
			SampleAppClient user = client().login("demo", PASSWORD);
			String loggedIn = user.csrfToken();

			HttpResponse<String> logout = user.postForm("/logout", Map.of("_csrf", loggedIn));

			assertThat(logout.statusCode()).isEqualTo(302);
			assertThat(logout.headers().firstValue("Location")).hasValue("/login?logout");
			assertThat(user.postJson("/api/upload-tokens", "", loggedIn).statusCode()).isEqualTo(403);
		}

	}

	private SampleAppClient client() {
		return new SampleAppClient(this.port);
	}

}
