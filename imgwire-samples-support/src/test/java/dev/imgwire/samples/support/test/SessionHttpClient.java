package dev.imgwire.samples.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP side of a browser, for a sample running on a port of this machine: it keeps
 * the cookies it is given (the session), follows no redirect (a test reads where one
 * points), and sends what a browser's {@code Accept} header says. Each sample's client
 * adds how its pages log in and write.
 *
 * @author Imgwire
 */
public final class SessionHttpClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final URI baseUri;

	private final String accept;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	/**
	 * A client with no session yet.
	 * @param port the port the sample listens on
	 * @param accept the {@code Accept} header of every request
	 */
	public SessionHttpClient(int port, String accept) {
		this.baseUri = URI.create("http://localhost:" + port);
		this.accept = accept;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	public URI baseUri() {
		return this.baseUri;
	}

	public CookieManager cookies() {
		return this.cookies;
	}

	/**
	 * A request to the sample, with the {@code Accept} header and a timeout.
	 * @param path the path, or a URI relative to the sample's
	 * @return the request, to complete and {@link #send(HttpRequest.Builder) send}
	 */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.baseUri.resolve(path)).timeout(TIMEOUT).header("Accept", this.accept);
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/**
	 * POST a form, as a browser submits one.
	 * @param path the path
	 * @param form the fields, URL-encoded (see {@link #encode(String)})
	 * @return the answer
	 */
	public HttpResponse<String> postForm(String path, String form) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
