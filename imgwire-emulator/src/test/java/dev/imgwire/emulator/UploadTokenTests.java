package dev.imgwire.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.imgwire.emulator.state.EmulatedUploadToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload tokens for signed client-key uploads: single use, expiring, optionally required.
 */
class UploadTokenTests {

	@Test
	void tokenIsRedeemedOnceAndLinkedToTheImage() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			TestHttp http = new TestHttp(emulator);
			JsonNode token = createToken(http, emulator);
			HttpResponse<String> upload = upload(http, emulator, token.get("token").stringValue());
			assertThat(upload.statusCode()).isEqualTo(200);
			JsonNode image = TestHttp.json(upload).get("image");
			assertThat(image.get("upload_token_id").stringValue()).isEqualTo(token.get("id").stringValue());
			EmulatedUploadToken stored = emulator.state().uploadTokens().get(0);
			assertThat(stored.usedAt()).isNotNull();
			assertThat(emulator.state().image(UUID.fromString(image.get("id").stringValue())).get().uploadTokenId())
				.isEqualTo(stored.id());
		}
	}

	@Test
	void usedTokenIsRejected() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			TestHttp http = new TestHttp(emulator);
			String token = createToken(http, emulator).get("token").stringValue();
			assertThat(upload(http, emulator, token).statusCode()).isEqualTo(200);
			HttpResponse<String> second = upload(http, emulator, token);
			assertThat(second.statusCode()).isEqualTo(401);
			assertThat(TestHttp.json(second).get("error_type").stringValue()).isEqualTo("InvalidTokenError");
			assertThat(emulator.state().images()).hasSize(1);
		}
	}

	@Test
	void unknownTokenIsRejected() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			HttpResponse<String> response = upload(new TestHttp(emulator), emulator, "ut_made_up");
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("InvalidTokenError");
		}
	}

	@Test
	void expiredTokenIsRejected() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().uploadTokenTtl(Duration.ZERO).start()) {
			TestHttp http = new TestHttp(emulator);
			String token = createToken(http, emulator).get("token").stringValue();
			HttpResponse<String> response = upload(http, emulator, token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(TestHttp.json(response).get("detail").stringValue()).contains("expired");
			assertThat(emulator.state().uploadTokens().get(0).usedAt()).isNull();
		}
	}

	@Test
	void tokenExpiresAfterTheConfiguredTtl() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().uploadTokenTtl(Duration.ofMinutes(3)).start()) {
			JsonNode token = createToken(new TestHttp(emulator), emulator);
			EmulatedUploadToken stored = emulator.state().uploadTokens().get(0);
			assertThat(Duration.between(Instant.parse(token.get("created_at").stringValue()), stored.expiresAt()))
				.isEqualTo(Duration.ofMinutes(3));
		}
	}

	@Test
	void requiredSignedUploadsRejectClientKeyUploadsWithoutToken() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().requireSignedUploads(true).start()) {
			TestHttp http = new TestHttp(emulator);
			HttpResponse<String> response = http.postJson("/api/v1/images/standard_upload", emulator.clientKey(),
					"{\"file_name\":\"a.png\"}");
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(TestHttp.json(response).get("detail").stringValue()).contains("upload_token");
			String token = createToken(http, emulator).get("token").stringValue();
			assertThat(upload(http, emulator, token).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void requiredSignedUploadsStillLetServerKeysUploadWithoutToken() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().requireSignedUploads(true).start()) {
			HttpResponse<String> response = new TestHttp(emulator).postJson("/api/v1/images/standard_upload",
					emulator.serverKey(), "{\"file_name\":\"a.png\"}");
			assertThat(response.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void clientKeyWithoutTokenIsAcceptedWhenSignedUploadsAreNotRequired() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			HttpResponse<String> response = new TestHttp(emulator).postJson("/api/v1/images/standard_upload",
					emulator.clientKey(), "{\"file_name\":\"a.png\"}");
			assertThat(response.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void inspectedTokenDoesNotPrintItsSecret() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			String token = createToken(new TestHttp(emulator), emulator).get("token").stringValue();
			assertThat(emulator.state().uploadTokens().get(0).token()).isEqualTo(token);
			assertThat(emulator.state().uploadTokens().get(0).toString()).doesNotContain(token);
		}
	}

	private static JsonNode createToken(TestHttp http, ImgwireEmulator emulator) {
		HttpResponse<String> response = http
			.send(http.request("/api/v1/images/token", emulator.serverKey()).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		return TestHttp.json(response);
	}

	private static HttpResponse<String> upload(TestHttp http, ImgwireEmulator emulator, String token) {
		return http.postJson("/api/v1/images/standard_upload?upload_token=" + token, emulator.clientKey(),
				"{\"file_name\":\"a.png\"}");
	}

}
