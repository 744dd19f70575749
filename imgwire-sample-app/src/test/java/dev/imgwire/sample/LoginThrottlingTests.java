package dev.imgwire.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.sample.support.SampleAppClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login throttling over real HTTP. Every test runs from the loopback address, and a lock
 * lasts minutes, so each group that locks something has an application of its own.
 *
 * @author Imgwire
 */
class LoginThrottlingTests {

	private static final String LOCKED_FOR_FIVE_MINUTES = "/login?locked=5";

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
			"sample.security.password=throttled-user-password", "sample.emulator.processing-delay=100ms" })
	class AUserNameThatFailedTooOften {

		@LocalServerPort
		private int port;

		@Test
		void isRefusedEvenWithTheRightPasswordByTheFormAndByHttpBasic() throws Exception {
			SampleAppClient client = new SampleAppClient(this.port);
			for (int i = 0; i < 4; i++) {
				assertThat(location(client.submitLogin("demo", "wrong-" + i))).hasValue("/login?error");
			}

			// User names are not case sensitive, and neither is their count.
			HttpResponse<String> fifth = client.submitLogin("DEMO", "wrong-4");
			HttpResponse<String> right = client.submitLogin("demo", "throttled-user-password");

			assertThat(location(fifth)).hasValue(LOCKED_FOR_FIVE_MINUTES);
			assertThat(location(right)).hasValue(LOCKED_FOR_FIVE_MINUTES);
			assertThat(right.headers().firstValue("Retry-After").map(Long::parseLong))
				.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(240L, 300L));
			assertThat(client.get("/api/images").statusCode()).as("still logged out").isEqualTo(401);

			HttpResponse<String> basic = basicGet(this.port, "/actuator/metrics", "demo", "throttled-user-password");
			assertThat(basic.statusCode()).isEqualTo(429);
			assertThat(basic.headers().firstValue("Retry-After")).isPresent();
			assertThat(SampleAppClient.json(basic).path("error").asString())
				.isEqualTo("Too many failed sign-in attempts. Try again in 5 minutes.");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "sample.security.password=other-users-password", "sample.emulator.processing-delay=100ms" })
	class OtherUserNames {

		@LocalServerPort
		private int port;

		@Test
		void areUnaffectedByALockedUserName() {
			SampleAppClient attacker = new SampleAppClient(this.port);
			for (int i = 0; i < 5; i++) {
				attacker.submitLogin("mallory", "guess-" + i);
			}

			assertThat(location(attacker.submitLogin("mallory", "guess-5"))).hasValue(LOCKED_FOR_FIVE_MINUTES);
			new SampleAppClient(this.port).login("demo", "other-users-password");
		}

		@Test
		void successfulLoginClearsTheUserNamesFailures() {
			SampleAppClient client = new SampleAppClient(this.port);
			for (int i = 0; i < 4; i++) {
				client.submitLogin("demo", "typo-" + i);
			}
			new SampleAppClient(this.port).login("demo", "other-users-password");

			for (int i = 0; i < 4; i++) {
				assertThat(location(client.submitLogin("demo", "typo-again-" + i))).hasValue("/login?error");
			}
			new SampleAppClient(this.port).login("demo", "other-users-password");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = { "sample.security.password=throttled-address-password",
					"sample.emulator.processing-delay=100ms",
					"sample.security.login-throttle.max-failures-per-address=6" })
	class AClientAddressThatFailedTooOften {

		@LocalServerPort
		private int port;

		@Test
		void isRefusedForEveryUserNameEvenWithTheRightPassword() {
			SampleAppClient client = new SampleAppClient(this.port);
			for (int i = 0; i < 5; i++) {
				assertThat(location(client.submitLogin("user-" + i, "guess"))).hasValue("/login?error");
			}

			assertThat(location(client.submitLogin("user-5", "guess"))).hasValue(LOCKED_FOR_FIVE_MINUTES);
			assertThat(location(client.submitLogin("demo", "throttled-address-password")))
				.hasValue(LOCKED_FOR_FIVE_MINUTES);
		}

	}

	private static Optional<String> location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("login answer").isEqualTo(302);
		return response.headers().firstValue("Location");
	}

	private static HttpResponse<String> basicGet(int port, String path, String user, String password) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Basic " + credentials)
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
