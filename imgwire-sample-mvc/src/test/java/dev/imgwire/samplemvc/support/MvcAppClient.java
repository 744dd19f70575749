package dev.imgwire.samplemvc.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.imgwire.samples.support.test.SessionHttpClient;

import static dev.imgwire.samples.support.test.SessionHttpClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like HTTP client for the running sample, with no script, as the pages need
 * none: it keeps the session cookie, reads the CSRF token from the forms it is served,
 * logs in through the login form and posts the upload and delete forms.
 *
 * @author Imgwire
 */
public final class MvcAppClient {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final SessionHttpClient http;

	public MvcAppClient(int port) {
		this.http = new SessionHttpClient(port, "text/html,application/xhtml+xml,*/*;q=0.8");
	}

	/**
	 * Log in through the form, as a browser does.
	 * @param user the user name
	 * @param password the password
	 * @return the answer to the form's {@code POST}
	 */
	public HttpResponse<String> submitLogin(String user, String password) {
		HttpResponse<String> loginPage = get("/login");
		assertThat(loginPage.statusCode()).isEqualTo(200);
		return postForm("/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrfToken(loginPage)));
	}

	/**
	 * Log in and check that it worked.
	 * @param user the user name
	 * @param password the password
	 * @return this client, now holding a session
	 */
	public MvcAppClient login(String user, String password) {
		HttpResponse<String> response = submitLogin(user, password);
		assertThat(response.statusCode()).as("login answer").isEqualTo(302);
		assertThat(location(response)).as("login redirect").doesNotContain("error");
		return this;
	}

	public HttpResponse<String> get(String path) {
		return this.http.get(path);
	}

	/**
	 * The gallery page, checked to be one.
	 * @return its HTML
	 */
	public String gallery() {
		return gallery("/");
	}

	public String gallery(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("gallery answer for %s", path).isEqualTo(200);
		assertThat(response.body()).contains("id=\"upload-form\"");
		return response.body();
	}

	/**
	 * Post the upload form with a file, as a browser does: the CSRF token from the
	 * gallery's form.
	 * @param fileName the file's name
	 * @param contentType the part's content type
	 * @param content the file's bytes
	 * @return the answer
	 */
	public HttpResponse<String> upload(String fileName, String contentType, byte[] content) {
		return upload(formAction(gallery(), "upload-form"), fileName, contentType, content);
	}

	/**
	 * Post a multipart form with a file and nothing else.
	 * @param action where to
	 * @param fileName the file's name
	 * @param contentType the part's content type
	 * @param content the file's bytes
	 * @return the answer
	 */
	public HttpResponse<String> upload(String action, String fileName, String contentType, byte[] content) {
		String boundary = "----imgwire" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return this.http.send(this.http.request(action)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * Post a form with the CSRF token of the gallery page.
	 * @param path where to
	 * @param form the other fields, URL-encoded, or empty
	 * @return the answer
	 */
	public HttpResponse<String> postWithCsrf(String path, String form) {
		String token = csrfToken(get("/"));
		return postForm(path, (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(token));
	}

	public HttpResponse<String> postForm(String path, String form) {
		return this.http.postForm(path, form);
	}

	/**
	 * Where a redirect points, as a path.
	 * @param response a redirect
	 * @return the {@code Location}'s path and query
	 */
	public String location(HttpResponse<?> response) {
		String location = response.headers().firstValue("Location").orElseThrow();
		URI uri = this.http.baseUri().resolve(location);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static String csrfToken(HttpResponse<String> page) {
		Matcher matcher = CSRF_FIELD.matcher(page.body());
		assertThat(matcher.find()).as("a CSRF field in %s", page.uri()).isTrue();
		return matcher.group(1);
	}

	private static String formAction(String html, String formId) {
		Matcher matcher = Pattern.compile("<form id=\"" + formId + "\" action=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("form %s", formId).isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
