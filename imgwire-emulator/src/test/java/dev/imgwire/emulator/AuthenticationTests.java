package dev.imgwire.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer-key rules: server keys everywhere, client keys only for standard uploads and
 * retrieve, nothing on presigned or public URLs.
 */
class AuthenticationTests {

	private static final String SOME_ID = "2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f";

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator(
			() -> ImgwireEmulator.builder().serverKey("sk_test_server").clientKey("ck_test_client"));

	@Test
	void requestWithoutAuthorizationIsRejectedAsInvalidToken() {
		HttpResponse<String> response = this.running.http().send(this.running.http().request("/api/v1/images/").GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("InvalidTokenError");
		assertThat(TestHttp.json(response).get("detail").isString()).isTrue();
	}

	@Test
	void unknownKeyIsRejectedAsInvalidToken() {
		HttpResponse<String> response = this.running.http().get("/api/v1/images/", "sk_test_wrong");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("InvalidTokenError");
	}

	@Test
	void keyWithoutBearerSchemeIsRejected() {
		HttpResponse<String> response = this.running.http()
			.send(this.running.http().request("/api/v1/images/").header("Authorization", "sk_test_server").GET());
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void bearerSchemeIsCaseInsensitive() {
		HttpResponse<String> response = this.running.http()
			.send(this.running.http()
				.request("/api/v1/images/")
				.header("Authorization", "bearer sk_test_server")
				.GET());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, /api/v1/images/", "POST, /api/v1/images/upload_via_url", "POST, /api/v1/images/token",
			"POST, /api/v1/images/downloads", "GET, /api/v1/images/downloads/" + SOME_ID,
			"POST, /api/v1/images/bulk_delete", "DELETE, /api/v1/images/" + SOME_ID })
	void clientKeyIsNotAllowedOnServerOnlyOperations(String method, String path) {
		HttpResponse<String> response = this.running.http()
			.send(this.running.http()
				.request(path, "ck_test_client")
				.method(method, HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("OperationNotAllowedError");
	}

	@Test
	void clientKeyCannotListImages() {
		HttpResponse<String> response = this.running.http().get("/api/v1/images/", "ck_test_client");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("OperationNotAllowedError");
	}

	@Test
	void clientKeyCanCreateStandardUploadAndRetrieveIt() {
		HttpResponse<String> created = this.running.http()
			.postJson("/api/v1/images/standard_upload", "ck_test_client", "{\"file_name\":\"a.png\"}");
		assertThat(created.statusCode()).isEqualTo(200);
		String id = TestHttp.json(created).get("image").get("id").stringValue();
		assertThat(this.running.http().get("/api/v1/images/" + id, "ck_test_client").statusCode()).isEqualTo(200);
	}

	@Test
	void presignedPutNeedsNoAuthorizationAndIgnoresAStrayOne() {
		byte[] png = SampleImages.png(2, 2);
		JsonNode created = this.running.http().createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
		HttpResponse<String> response = this.running.http()
			.send(this.running.http()
				.request(created.get("upload_url").stringValue())
				.header("Authorization", "Bearer not-a-key")
				.header("Content-Type", "image/png")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(png)));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void malformedEnvironmentHeaderIsAValidationError() {
		HttpResponse<String> response = this.running.http()
			.send(this.running.http()
				.request("/api/v1/images/", "sk_test_server")
				.header("X-Environment-Id", "prod")
				.GET());
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(TestHttp.json(response).get("detail").get(0).get("loc").toString())
			.isEqualTo("[\"header\",\"x-environment-id\"]");
	}

	@Test
	void wellFormedEnvironmentHeaderIsAcceptedAndIgnored() {
		HttpResponse<String> response = this.running.http()
			.send(this.running.http()
				.request("/api/v1/images/", "sk_test_server")
				.header("X-Environment-Id", SOME_ID)
				.GET());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void authenticationIsCheckedBeforeValidation() {
		HttpResponse<String> response = this.running.http().get("/api/v1/images/?page=0", "sk_test_wrong");
		assertThat(response.statusCode()).isEqualTo(401);
	}

}
