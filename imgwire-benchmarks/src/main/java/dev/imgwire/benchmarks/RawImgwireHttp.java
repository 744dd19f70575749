package dev.imgwire.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: the Imgwire calls made by hand with the JDK's {@link HttpClient}, the
 * least a caller could write. No validation, retries, observations or typed errors.
 */
final class RawImgwireHttp {

	private static final TypeReference<List<Map<String, Object>>> IMAGE_LIST = new TypeReference<>() {
	};

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final String serverKey;

	RawImgwireHttp(String baseUrl, String serverKey) {
		this.baseUrl = baseUrl;
		this.serverKey = serverKey;
	}

	void upload(Path file, String mimeType) throws IOException, InterruptedException {
		String body = this.json.writeValueAsString(Map.of("file_name", file.getFileName().toString(), "mime_type",
				mimeType, "content_length", Files.size(file), "idempotency_key", UUID.randomUUID().toString()));
		HttpRequest create = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/images/standard_upload"))
			.header("Authorization", "Bearer " + this.serverKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		JsonNode created = this.json.readTree(send(create, HttpResponse.BodyHandlers.ofString()).body());
		HttpRequest put = HttpRequest.newBuilder(URI.create(created.get("upload_url").asString()))
			.header("Content-Type", mimeType)
			.PUT(HttpRequest.BodyPublishers.ofFile(file))
			.build();
		send(put, HttpResponse.BodyHandlers.discarding());
	}

	int listAll(int limit) throws IOException, InterruptedException {
		int count = 0;
		String page = "1";
		while (page != null) {
			HttpRequest list = HttpRequest
				.newBuilder(URI.create(this.baseUrl + "/api/v1/images/?page=" + page + "&limit=" + limit))
				.header("Authorization", "Bearer " + this.serverKey)
				.GET()
				.build();
			HttpResponse<String> response = send(list, HttpResponse.BodyHandlers.ofString());
			count += this.json.readValue(response.body(), IMAGE_LIST).size();
			page = response.headers().firstValue("X-Next-Page").filter((value) -> value.matches("\\d+")).orElse(null);
		}
		return count;
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
			throws IOException, InterruptedException {
		HttpResponse<T> response = this.http.send(request, handler);
		if (response.statusCode() / 100 != 2) {
			throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode());
		}
		return response;
	}

}
