package dev.imgwire.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw HTTP against an emulator with the JDK client, so the tests pin the wire format
 * rather than some client library's view of it.
 */
final class TestHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final ImgwireEmulator emulator;

	TestHttp(ImgwireEmulator emulator) {
		this.emulator = emulator;
	}

	HttpRequest.Builder request(String pathOrUrl) {
		String url = pathOrUrl.startsWith("http") ? pathOrUrl : this.emulator.baseUrl() + pathOrUrl;
		return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
	}

	HttpRequest.Builder request(String path, String key) {
		return request(path).header("Authorization", "Bearer " + key);
	}

	HttpResponse<String> get(String path, String key) {
		return send(request(path, key).GET());
	}

	HttpResponse<String> delete(String path, String key) {
		return send(request(path, key).DELETE());
	}

	HttpResponse<String> postJson(String path, String key, String json) {
		return send(request(path, key).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> patchJson(String path, String key, String json) {
		return send(request(path, key).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * A browser's CORS preflight.
	 */
	HttpResponse<String> preflight(String pathOrUrl, String origin, String method) {
		return send(request(pathOrUrl).header("Origin", origin)
			.header("Access-Control-Request-Method", method)
			.header("Access-Control-Request-Headers", "authorization, content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
	}

	HttpResponse<String> put(String url, byte[] body, String contentType) {
		HttpRequest.Builder builder = request(url).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder);
	}

	HttpResponse<byte[]> getBytes(String url) {
		try {
			return this.client.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return sendOrThrow(request.build());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	HttpResponse<String> sendOrThrow(HttpRequest request) throws IOException {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpClient client() {
		return this.client;
	}

	/**
	 * Create an image with the server key and return the
	 * {@code StandardUploadResponseSchema}.
	 */
	JsonNode createUpload(String json) {
		HttpResponse<String> response = postJson("/api/v1/images/standard_upload", this.emulator.serverKey(), json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	/**
	 * Create an image and PUT the bytes; returns the image id.
	 */
	String upload(String fileName, String mimeType, byte[] bytes) {
		JsonNode created = createUpload("{\"file_name\":\"" + fileName + "\",\"mime_type\":\"" + mimeType
				+ "\",\"content_length\":" + bytes.length + "}");
		HttpResponse<String> put = put(created.get("upload_url").stringValue(), bytes, mimeType);
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		return created.get("image").get("id").stringValue();
	}

	JsonNode retrieve(String imageId) {
		HttpResponse<String> response = get("/api/v1/images/" + imageId, this.emulator.serverKey());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
