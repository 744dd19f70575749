package dev.imgwire.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS for the browser upload flow with client keys.
 */
class CorsTests {

	private static final String APP = "https://app.example.com";

	@Test
	void preflightForStandardUploadAllowsTheConfiguredOrigin() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().allowedOrigins(List.of(APP)).start()) {
			HttpResponse<String> response = preflight(new TestHttp(emulator), "/api/v1/images/standard_upload", APP,
					"POST");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
			assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
			assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
				.contains("Authorization", "Content-Type", "X-Environment-Id");
			assertThat(response.headers().firstValue("Access-Control-Max-Age")).isPresent();
			assertThat(emulator.state().totalRequests()).as("preflights are not operations").isZero();
		}
	}

	@Test
	void preflightFromAnotherOriginIsForbidden() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().allowedOrigins(List.of(APP)).start()) {
			HttpResponse<String> response = preflight(new TestHttp(emulator), "/api/v1/images/standard_upload",
					"https://evil.example.com", "POST");
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		}
	}

	@Test
	void clientKeyUploadFromAnotherOriginIsForbidden() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().allowedOrigins(List.of(APP)).start()) {
			TestHttp http = new TestHttp(emulator);
			HttpResponse<String> response = http
				.send(http.request("/api/v1/images/standard_upload", emulator.clientKey())
					.header("Origin", "https://evil.example.com")
					.POST(HttpRequest.BodyPublishers.ofString("{\"file_name\":\"a.png\"}")));
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body())
				.isEqualTo("{\"detail\":\"Origin not allowed\",\"error_type\":\"ResourceNotAuthorizedError\"}");
			assertThat(emulator.state().images()).isEmpty();
		}
	}

	@Test
	void clientKeyUploadFromTheAllowedOriginCarriesAllowOrigin() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().allowedOrigins(List.of(APP)).start()) {
			TestHttp http = new TestHttp(emulator);
			HttpResponse<String> response = http
				.send(http.request("/api/v1/images/standard_upload", emulator.clientKey())
					.header("Origin", APP)
					.POST(HttpRequest.BodyPublishers.ofString("{\"file_name\":\"a.png\"}")));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
		}
	}

	@Test
	void serverKeyUploadIsNotSubjectToTheOriginCheck() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().allowedOrigins(List.of(APP)).start()) {
			TestHttp http = new TestHttp(emulator);
			HttpResponse<String> response = http
				.send(http.request("/api/v1/images/standard_upload", emulator.serverKey())
					.header("Origin", "https://evil.example.com")
					.POST(HttpRequest.BodyPublishers.ofString("{\"file_name\":\"a.png\"}")));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		}
	}

	@Test
	void anyOriginMayAttemptWhenNoOriginsAreConfigured() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			TestHttp http = new TestHttp(emulator);
			assertThat(preflight(http, "/api/v1/images/standard_upload", "https://anywhere.example", "POST").headers()
				.firstValue("Access-Control-Allow-Origin")).hasValue("https://anywhere.example");
			HttpResponse<String> upload = http.send(http.request("/api/v1/images/standard_upload", emulator.clientKey())
				.header("Origin", "https://anywhere.example")
				.POST(HttpRequest.BodyPublishers.ofString("{\"file_name\":\"a.png\"}")));
			assertThat(upload.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void presignedPutCdnAndRetrieveAnswerPreflights() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().allowedOrigins(List.of(APP)).start()) {
			TestHttp http = new TestHttp(emulator);
			JsonNode created = http.createUpload("{\"file_name\":\"a.png\"}");
			String uploadUrl = created.get("upload_url").stringValue();
			String cdnUrl = created.get("image").get("cdn_url").stringValue();
			String retrieve = "/api/v1/images/" + created.get("image").get("id").stringValue();
			assertThat(preflight(http, uploadUrl, APP, "PUT").statusCode()).isEqualTo(200);
			assertThat(preflight(http, cdnUrl, APP, "GET").statusCode()).isEqualTo(200);
			assertThat(preflight(http, retrieve, APP, "GET").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void listExposesPaginationHeadersToBrowsers() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			TestHttp http = new TestHttp(emulator);
			HttpResponse<String> response = http
				.send(http.request("/api/v1/images/", emulator.serverKey()).header("Origin", APP).GET());
			assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
				.contains("X-Total-Count", "X-Page", "X-Limit", "X-Prev-Page", "X-Next-Page");
		}
	}

	private static HttpResponse<String> preflight(TestHttp http, String path, String origin, String method) {
		return http.send(http.request(path)
			.header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", "authorization, content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
	}

}
