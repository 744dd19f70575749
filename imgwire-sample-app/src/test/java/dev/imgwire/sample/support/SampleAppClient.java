package dev.imgwire.sample.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like HTTP client for the running sample: it keeps cookies (session and
 * {@code XSRF-TOKEN}), logs in through the form, and sends the CSRF header on writes as
 * the page's script does.
 *
 * @author Imgwire
 */
public final class SampleAppClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI baseUri;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	public SampleAppClient(int port) {
		this.baseUri = URI.create("http://localhost:" + port);
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * Log in through the form, as a browser does.
	 * @param user the user name
	 * @param password the password
	 * @return this client, now holding a session
	 */
	public SampleAppClient login(String user, String password) {
		HttpResponse<String> loginPage = get("/login");
		assertThat(loginPage.statusCode()).isEqualTo(200);
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrfToken());
		HttpResponse<String> response = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(response.statusCode()).as("login answer").isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).as("login redirect").hasValue("/");
		// The page the login redirects to; it also makes sure a CSRF cookie is present.
		assertThat(get("/").statusCode()).isEqualTo(200);
		return this;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	/**
	 * POST a JSON body with the CSRF header, as the page's script does.
	 * @param path the path
	 * @param body the JSON body
	 * @return the answer
	 */
	public HttpResponse<String> postJson(String path, String body) {
		return postJson(path, body, csrfToken());
	}

	/**
	 * POST a JSON body with the given CSRF header value.
	 * @param path the path
	 * @param body the JSON body
	 * @param csrfToken the {@code X-XSRF-TOKEN} header value, or {@code null} to send none
	 * @return the answer
	 */
	public HttpResponse<String> postJson(String path, String body, @Nullable String csrfToken) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (csrfToken != null) {
			request.header("X-XSRF-TOKEN", csrfToken);
		}
		return send(request);
	}

	/**
	 * POST one file as {@code multipart/form-data}, under the part name {@code file},
	 * with the CSRF header, as the page's script does.
	 * @param path the path
	 * @param fileName the file name
	 * @param contentType the part's content type
	 * @param content the file's bytes
	 * @return the answer
	 */
	public HttpResponse<String> postFile(String path, String fileName, String contentType, byte[] content) {
		String boundary = "sample-" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-XSRF-TOKEN", csrfToken())
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).header("X-XSRF-TOKEN", csrfToken()).DELETE());
	}

	/**
	 * The current CSRF token, fetching the login page first when no cookie is held yet.
	 * @return the token
	 */
	public String csrfToken() {
		String token = cookie("XSRF-TOKEN");
		if (token == null) {
			get("/login");
			token = cookie("XSRF-TOKEN");
		}
		assertThat(token).as("XSRF-TOKEN cookie").isNotBlank();
		return token;
	}

	public static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private String cookie(String name) {
		return this.cookies.getCookieStore()
			.get(this.baseUri)
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	// Like a browser, takes anything, JSON and HTML preferred (Prometheus answers text).
	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(this.baseUri.resolve(path))
			.timeout(TIMEOUT)
			.header("Accept", "application/json, text/html;q=0.9, */*;q=0.8");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
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

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
