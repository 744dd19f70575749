package dev.imgwire.sample;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.support.ImgwireHttp;
import dev.imgwire.sample.support.SampleAppClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/upload-tokens} over real HTTP, and what the browser can and cannot do
 * with what it hands out.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=token-test-password", "sample.emulator.processing-delay=100ms",
				"sample.rate-limit.tokens-per-minute=1000" })
class UploadTokenEndpointTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@Test
	void anonymousCallerWithAValidCsrfTokenIsRefusedWith401AndAJsonError() {
		SampleAppClient anonymous = new SampleAppClient(this.port);
		int tokensBefore = this.emulator.state().uploadTokens().size();

		HttpResponse<String> response = anonymous.postJson("/api/upload-tokens", "");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(SampleAppClient.json(response).path("error").asString()).contains("log in");
		assertThat(this.emulator.state().uploadTokens()).hasSize(tokensBefore);
	}

	@Test
	void loggedInUserWithoutACsrfTokenIsRefusedWith403() {
		SampleAppClient user = new SampleAppClient(this.port).login("demo", "token-test-password");

		HttpResponse<String> response = user.postJson("/api/upload-tokens", "", null);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(SampleAppClient.json(response).path("error").asString()).contains("CSRF");
	}

	@Test
	void loggedInUserWithAForgedCsrfTokenIsRefusedWith403() {
		SampleAppClient user = new SampleAppClient(this.port).login("demo", "token-test-password");

		HttpResponse<String> response = user.postJson("/api/upload-tokens", "", "forged");

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void loggedInUserGetsAnUploadTokenWithTheClientKeyAndTheApiBaseUrl() {
		SampleAppClient user = new SampleAppClient(this.port).login("demo", "token-test-password");

		HttpResponse<String> response = user.postJson("/api/upload-tokens", "");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = SampleAppClient.json(response);
		assertThat(body.path("token").asString()).isNotBlank();
		assertThat(body.path("expiresAt").asString()).isNotBlank();
		assertThat(body.path("clientKey").asString()).isEqualTo(this.emulator.clientKey());
		assertThat(body.path("apiBaseUrl").asString()).isEqualTo(stripSlash(this.emulator.baseUrl()));
		assertThat(response.body()).doesNotContain(this.emulator.serverKey());
		assertThat(this.emulator.state().uploadTokens())
			.anyMatch((token) -> token.token().equals(body.path("token").asString()));
	}

	@Test
	void uploadTokenCreatesOneUploadOnlyAndIsRejectedWith401TheSecondTime() {
		JsonNode grant = newGrant();
		ImgwireHttp imgwire = new ImgwireHttp(grant.path("apiBaseUrl").asString());
		String clientKey = grant.path("clientKey").asString();
		String token = grant.path("token").asString();

		HttpResponse<String> first = imgwire.createStandardUpload(clientKey, token, "first.png", 100);
		HttpResponse<String> second = imgwire.createStandardUpload(clientKey, token, "second.png", 100);

		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(SampleAppClient.json(first).path("upload_url").asString()).isNotBlank();
		assertThat(second.statusCode()).as(second.body()).isEqualTo(401);
	}

	@Test
	void clientKeyWithoutAnUploadTokenCannotCreateAnUpload() {
		JsonNode grant = newGrant();
		ImgwireHttp imgwire = new ImgwireHttp(grant.path("apiBaseUrl").asString());

		HttpResponse<String> response = imgwire.createStandardUpload(grant.path("clientKey").asString(), "", "x.png",
				100);

		assertThat(response.statusCode()).as(response.body()).isIn(401, 403);
	}

	@Test
	void clientKeyCanReadOneImageButCannotListOrDeleteImages() {
		JsonNode grant = newGrant();
		ImgwireHttp imgwire = new ImgwireHttp(grant.path("apiBaseUrl").asString());
		String clientKey = grant.path("clientKey").asString();
		HttpResponse<String> created = imgwire.createStandardUpload(clientKey, grant.path("token").asString(),
				"mine.png", 100);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		String imageId = SampleAppClient.json(created).path("image").path("id").asString();

		assertThat(imgwire.retrieve(clientKey, imageId).statusCode()).isEqualTo(200);
		assertThat(imgwire.list(clientKey).statusCode()).isEqualTo(403);
		assertThat(imgwire.delete(clientKey, imageId).statusCode()).isEqualTo(403);
		assertThat(this.emulator.state().image(UUID.fromString(imageId))).isPresent();
	}

	private JsonNode newGrant() {
		SampleAppClient user = new SampleAppClient(this.port).login("demo", "token-test-password");
		HttpResponse<String> response = user.postJson("/api/upload-tokens", "");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return SampleAppClient.json(response);
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
