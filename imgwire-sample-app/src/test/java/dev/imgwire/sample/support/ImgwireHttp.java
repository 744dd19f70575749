package dev.imgwire.sample.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls the Imgwire API (the emulator) directly, the way the browser does with the Client
 * Key.
 *
 * @author Imgwire
 */
public final class ImgwireHttp {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String baseUrl;

	public ImgwireHttp(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Create a standard upload as the page does.
	 * @param clientKey the key for the bearer header
	 * @param uploadToken the token for the {@code upload_token} query parameter
	 * @param fileName the file name
	 * @param contentLength the declared size
	 * @return the answer
	 */
	public HttpResponse<String> createStandardUpload(String clientKey, String uploadToken, String fileName,
			long contentLength) {
		String body = "{\"file_name\":\"" + fileName + "\",\"mime_type\":\"image/png\",\"content_length\":"
				+ contentLength + "}";
		return send(HttpRequest
			.newBuilder(URI.create(this.baseUrl + "/api/v1/images/standard_upload?upload_token=" + uploadToken))
			.header("Authorization", "Bearer " + clientKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> list(String key) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/images/?page=1&limit=20"))
			.header("Authorization", "Bearer " + key)
			.GET());
	}

	public HttpResponse<String> retrieve(String key, String imageId) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/images/" + imageId))
			.header("Authorization", "Bearer " + key)
			.GET());
	}

	public HttpResponse<String> delete(String key, String imageId) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/images/" + imageId))
			.header("Authorization", "Bearer " + key)
			.DELETE());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
