package dev.imgwire.sample.support;

import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.imgwire.samples.support.test.SessionHttpClient;

import static dev.imgwire.samples.support.test.SessionHttpClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like HTTP client for the running sample: it keeps cookies (the session), logs
 * in through the form, and sends the CSRF header on writes with the token from
 * {@code GET /api/csrf}, as the page's script does.
 *
 * @author Imgwire
 */
public final class SampleAppClient {

	/** The header the page's script sends the CSRF token in. */
	public static final String CSRF_HEADER = "X-XSRF-TOKEN";

	private static final JsonMapper json = JsonMapper.builder().build();

	// Like a browser, takes anything, JSON and HTML preferred (Prometheus answers text).
	private final SessionHttpClient http;

	public SampleAppClient(int port) {
		this.http = new SessionHttpClient(port, "application/json, text/html;q=0.9, */*;q=0.8");
	}

	/**
	 * Log in through the form, as a browser does.
	 * @param user the user name
	 * @param password the password
	 * @return this client, now holding a session
	 */
	public SampleAppClient login(String user, String password) {
		HttpResponse<String> response = submitLogin(user, password);
		assertThat(response.statusCode()).as("login answer").isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).as("login redirect").hasValue("/");
		// The page the login redirects to.
		assertThat(get("/").statusCode()).isEqualTo(200);
		return this;
	}

	/**
	 * Post the login form as a browser does, whatever the outcome.
	 * @param user the user name
	 * @param password the password
	 * @return the answer, a redirect
	 */
	public HttpResponse<String> submitLogin(String user, String password) {
		HttpResponse<String> loginPage = get("/login");
		assertThat(loginPage.statusCode()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", user);
		form.put("password", password);
		form.put("_csrf", csrfToken());
		return postForm("/login", form);
	}

	public HttpResponse<String> get(String path) {
		return this.http.get(path);
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
	 * @param csrfToken the {@value #CSRF_HEADER} header value, or {@code null} to send
	 * none
	 * @return the answer
	 */
	public HttpResponse<String> postJson(String path, String body, @Nullable String csrfToken) {
		HttpRequest.Builder request = this.http.request(path)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (csrfToken != null) {
			request.header(CSRF_HEADER, csrfToken);
		}
		return this.http.send(request);
	}

	/**
	 * POST a form, as a browser submits one.
	 * @param path the path
	 * @param fields the fields, in order
	 * @return the answer
	 */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		String form = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return this.http.postForm(path, form);
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
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return this.http.send(this.http.request(path)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header(CSRF_HEADER, csrfToken())
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
	}

	public HttpResponse<String> delete(String path) {
		return this.http.send(this.http.request(path).header(CSRF_HEADER, csrfToken()).DELETE());
	}

	/**
	 * The CSRF token of this client's session, from {@code GET /api/csrf} as the page
	 * gets it (which opens a session when there is none yet). Each call answers a newly
	 * masked value of the same token.
	 * @return the token
	 */
	public String csrfToken() {
		HttpResponse<String> response = get("/api/csrf");
		assertThat(response.statusCode()).as("GET /api/csrf: " + response.body()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.path("headerName").asString()).isEqualTo(CSRF_HEADER);
		String token = body.path("token").asString();
		assertThat(token).as("CSRF token").isNotBlank();
		return token;
	}

	/**
	 * Store a cookie for the app's origin, as a script of a sibling site or a network
	 * attacker could plant one in a browser.
	 * @param name the cookie name
	 * @param value the cookie value
	 */
	public void plantCookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.http.cookies().getCookieStore().add(this.http.baseUri(), cookie);
	}

	/**
	 * The value of a cookie this client holds.
	 * @param name the cookie name
	 * @return the value, or {@code null} when there is none
	 */
	public @Nullable String cookie(String name) {
		return this.http.cookies()
			.getCookieStore()
			.get(this.http.baseUri())
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	public static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
