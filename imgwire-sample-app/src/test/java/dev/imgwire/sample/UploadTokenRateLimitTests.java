package dev.imgwire.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.sample.support.SampleAppClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user limit on upload tokens, over real HTTP.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=rate-test-password", "sample.rate-limit.tokens-per-minute=3" })
class UploadTokenRateLimitTests {

	@LocalServerPort
	private int port;

	@Test
	void userAskingForMoreTokensThanTheLimitGets429WithRetryAfterAndAJsonError() {
		SampleAppClient user = new SampleAppClient(this.port).login("demo", "rate-test-password");
		for (int i = 0; i < 3; i++) {
			assertThat(user.postJson("/api/upload-tokens", "").statusCode()).isEqualTo(200);
		}

		HttpResponse<String> limited = user.postJson("/api/upload-tokens", "");

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
				(retryAfter) -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L));
		assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(SampleAppClient.json(limited).path("error").asString()).contains("try again");
	}

}
