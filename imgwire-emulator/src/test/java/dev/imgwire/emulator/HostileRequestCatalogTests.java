package dev.imgwire.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A catalog of hostile requests against one emulator configured as
 * {@code java -jar imgwire-emulator.jar} would be (through the same launch arguments,
 * with short timeouts so that stalls end quickly), sent over raw sockets and the JDK HTTP
 * client rather than the SDK.
 * <p>
 * Each row states the answers it expects, by status and JSON shape, in order; "closed"
 * means the emulator closed a connection that never made a request. After every row a
 * normal request must still succeed. No answer may be a 5xx, and nothing may be logged at
 * ERROR or with a stack trace. The test prints a one-line summary.
 */
@Timeout(300)
class HostileRequestCatalogTests {

	private static final String SERVER_KEY = "sk_test_catalog";

	private static final String CLIENT_KEY = "ck_test_catalog";

	private static final String UNKNOWN_ID = "2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f";

	private static final int CLOSED = -1;

	private static LogCapture logs;

	private static ImgwireEmulator emulator;

	private static TestHttp http;

	@BeforeAll
	static void start() {
		logs = LogCapture.start();
		emulator = LaunchArguments
			.parse("--port=0", "--server-key=" + SERVER_KEY, "--client-key=" + CLIENT_KEY, "--idle-timeout=1s",
					"--url-fetch-timeout=2s")
			.builder()
			.start();
		http = new TestHttp(emulator);
	}

	@AfterAll
	static void stop() {
		emulator.close();
		logs.close();
	}

	@Test
	void everyHostileRequestGetsADocumentedAnswerAndTheEmulatorKeepsServing() {
		List<Row> rows = rows();
		List<String> failures = new ArrayList<>();
		Map<String, Integer> statuses = new TreeMap<>();
		for (Row row : rows) {
			List<Answer> answers;
			try {
				answers = row.action().run();
			}
			catch (Exception | AssertionError ex) {
				failures.add(row + ": " + ex);
				continue;
			}
			for (Answer answer : answers) {
				statuses.merge((answer.status() == CLOSED) ? "closed" : Integer.toString(answer.status()), 1,
						Integer::sum);
			}
			String mismatch = row.check(answers);
			if (mismatch != null) {
				failures.add(row + ": " + mismatch);
			}
			HttpResponse<String> normal = http.get("/api/v1/images/?limit=1", SERVER_KEY);
			if (normal.statusCode() != 200) {
				failures.add(row + ": the next normal request got " + normal.statusCode());
			}
		}
		List<String> logged = logs.errorsAndStackTraces();
		long serverErrors = statuses.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("5"))
			.mapToLong(Map.Entry::getValue)
			.sum();
		String summary = "Hostile request catalog: " + rows.size() + " rows, "
				+ statuses.values().stream().mapToInt(Integer::intValue).sum() + " answers ("
				+ statuses.entrySet()
					.stream()
					.map((entry) -> entry.getKey() + "\u00d7" + entry.getValue())
					.collect(Collectors.joining(" "))
				+ "), " + serverErrors + " 5xx, " + logged.size() + " ERROR logs or stack traces, "
				+ (rows.size() - failures.size()) + "/" + rows.size()
				+ " rows as expected and followed by a normal 200";
		System.out.println(summary);
		assertThat(failures).as(summary).isEmpty();
		assertThat(serverErrors).isZero();
		assertThat(logged).isEmpty();
		assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
	}

	private static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		// Malformed encodings
		for (String target : List.of("/api/v1/images/%zz", "/api/v1/images/?page=%", "/api/v1/images/%e9",
				"/cdn/%C3%28/x/y.png", "/upload/%zz?expires=1&signature=x",
				"/api/v1/images/standard_upload?upload_token=%ff")) {
			rows.add(row("encoding", "GET " + target, () -> raw(get(target)), domain(400, "InvalidRequestError")));
		}
		// Framing Netty cannot decode
		rows.add(row("framing", "garbage request line", () -> raw(bytes("GARBAGE\r\n\r\n")),
				domain(400, "InvalidRequestError")));
		rows.add(
				row("framing", "two Content-Length headers",
						() -> raw(RawHttp.head("POST /api/v1/images/standard_upload HTTP/1.1", "Host: x",
								auth(SERVER_KEY), "Content-Length: 5", "Content-Length: 6")),
						domain(400, "InvalidRequestError")));
		rows.add(row("framing", "Content-Length and chunked",
				() -> raw(RawHttp.head("POST /api/v1/images/standard_upload HTTP/1.1", "Host: x", auth(SERVER_KEY),
						"Content-Length: 5", "Transfer-Encoding: chunked"), bytes("0\r\n\r\n")),
				domain(400, "InvalidRequestError")));
		rows.add(row("framing", "bad chunk size",
				() -> raw(jsonHead("/api/v1/images/standard_upload", SERVER_KEY, "Transfer-Encoding: chunked"),
						bytes("zz\r\n{}\r\n0\r\n\r\n")),
				domain(400, "InvalidRequestError")));
		rows.add(row("framing", "URI of 5 KiB", () -> raw(get("/api/v1/images/?x=" + "a".repeat(5000))),
				domain(414, "InvalidRequestError")));
		rows.add(row("framing", "header of 9 KiB", () -> raw(RawHttp.head("GET /api/v1/images/ HTTP/1.1", "Host: x",
				auth(SERVER_KEY), "X-Big: " + "a".repeat(9000))), domain(431, "InvalidRequestError")));
		// Oversized and deeply nested bodies
		rows.add(row("size", "JSON body announced as 700 MB, 64 KiB sent",
				() -> raw(jsonHead("/api/v1/images/standard_upload", SERVER_KEY, "Content-Length: 700000000"),
						new byte[64 * 1024]),
				domain(413, "PayloadTooLargeError")));
		rows.add(row("size", "chunked JSON body past 1 MiB", () -> {
			byte[] chunk = bytes("80000\r\n" + " ".repeat(0x80000) + "\r\n");
			try (RawHttp raw = new RawHttp(emulator.port())) {
				raw.write(jsonHead("/api/v1/images/standard_upload", SERVER_KEY, "Transfer-Encoding: chunked"));
				for (int i = 0; i < 3; i++) {
					raw.writeTolerantly(chunk);
				}
				return List.of(answer(raw.read()));
			}
		}, domain(413, "PayloadTooLargeError")));
		rows.add(row("size", "8 MiB JSON body from a client that keeps sending",
				() -> List.of(answer(http.send(http.request("/api/v1/images/standard_upload", SERVER_KEY)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8 * 1024 * 1024]))))),
				domain(413, "PayloadTooLargeError")));
		for (int depth : new int[] { 65, 100_000 }) {
			rows.add(
					row("size", "JSON nested " + depth + " levels deep",
							() -> List.of(answer(upload("{\"file_name\":\"a.png\",\"custom_metadata\":{\"k\":"
									+ "[".repeat(depth) + "]".repeat(depth) + "}}"))),
							domain(400, "InvalidRequestError")));
		}
		rows.add(row("size", "number of 5000 digits",
				() -> List.of(answer(upload("{\"file_name\":\"a.png\",\"content_length\":" + "9".repeat(5000) + "}"))),
				domain(400, "InvalidRequestError")));
		rows.add(row("size", "content_length 1e30",
				() -> List.of(answer(upload("{\"file_name\":\"a.png\",\"content_length\":1e30}"))),
				validation("body", "content_length")));
		rows.add(row("size", "content_length 1.5",
				() -> List.of(answer(upload("{\"file_name\":\"a.png\",\"content_length\":1.5}"))),
				validation("body", "content_length")));
		// Lying lengths
		rows.add(row("length", "Content-Length larger than the JSON sent",
				() -> raw(jsonHead("/api/v1/images/standard_upload", SERVER_KEY, "Content-Length: 50"),
						bytes("{\"file_name\":\"a.png\"}")),
				domain(408, "RequestTimeoutError")));
		rows.add(row("length", "Content-Length smaller than the JSON sent, a request hidden in the rest", () -> {
			try (RawHttp raw = new RawHttp(emulator.port())) {
				raw.write(RawHttp.concat(jsonHead("/api/v1/images/standard_upload", SERVER_KEY, "Content-Length: 5"),
						bytes("{\"fil"), get("/api/v1/images/?limit=1")));
				return List.of(answer(raw.read()), answer(raw.read()));
			}
		}, validation("body"), ok(200)));
		rows.add(row("length", "PUT Content-Length larger than the bytes sent, then a proper PUT", () -> {
			byte[] png = SampleImages.png(3, 3);
			URI url = URI.create(createUpload("a.png").get("upload_url").stringValue());
			List<Answer> answers = new ArrayList<>(raw(putHead(url, png.length + 100), png));
			answers.add(answer(http.put(url.toString(), png, "image/png")));
			return answers;
		}, domain(408, "RequestTimeoutError"), ok(200)));
		// Slow drips
		rows.add(row("drip", "JSON body dripped a byte per 100 ms, within the idle timeout", () -> {
			byte[] body = bytes("{\"file_name\":\"slow.png\"}");
			try (RawHttp raw = new RawHttp(emulator.port())) {
				raw.write(jsonHead("/api/v1/images/standard_upload", SERVER_KEY, "Content-Length: " + body.length));
				for (byte b : body) {
					raw.write(new byte[] { b });
					Thread.sleep(100);
				}
				return List.of(answer(raw.read()));
			}
		}, ok(200)));
		rows.add(row("drip", "PUT body dripped, then stalled past the idle timeout; the file is gone", () -> {
			byte[] png = SampleImages.png(3, 3);
			URI url = URI.create(createUpload("a.png").get("upload_url").stringValue());
			try (RawHttp raw = new RawHttp(emulator.port())) {
				raw.write(putHead(url, png.length));
				for (int i = 0; i < 5; i++) {
					raw.write(new byte[] { png[i] });
					Thread.sleep(200);
				}
				Answer stalled = answer(raw.read());
				Await.until("the stalled PUT released its file", () -> emulator.state().openPutStreams() == 0);
				return List.of(stalled);
			}
		}, domain(408, "RequestTimeoutError")));
		// Stalls
		rows.add(row("stall", "connection that never sends a byte", () -> {
			try (RawHttp raw = new RawHttp(emulator.port())) {
				return List.of(raw.closedByServer() ? new Answer(CLOSED, null) : new Answer(0, null));
			}
		}, closed()));
		rows.add(row("stall", "half a request head, then silence", () -> {
			try (RawHttp raw = new RawHttp(emulator.port())) {
				raw.write("GET /api/v1/images/ HTTP/1.1\r\nHost: x\r\n");
				return List.of(raw.closedByServer() ? new Answer(CLOSED, null) : new Answer(0, null));
			}
		}, closed()));
		// Parallel PUTs to one image
		rows.add(row("parallel", "8 PUTs to one image at once", () -> {
			byte[] png = SampleImages.png(64, 64);
			String url = createUpload("a.png").get("upload_url").stringValue();
			List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				puts.add(http.client()
					.sendAsync(http.request(url)
						.header("Content-Type", "image/png")
						.PUT(HttpRequest.BodyPublishers.ofByteArray(png))
						.build(), HttpResponse.BodyHandlers.ofString()));
			}
			List<Answer> answers = new ArrayList<>();
			for (CompletableFuture<HttpResponse<String>> put : puts) {
				answers.add(answer(put.join()));
			}
			answers.sort((a, b) -> Integer.compare(a.status(), b.status()));
			return answers;
		}, ok(200), conflict(), conflict(), conflict(), conflict(), conflict(), conflict(), conflict()));
		// Long and multi-byte names
		rows.add(row("names", "file_name of 70 000 ASCII characters, then a download job",
				() -> uploadAndZip("a".repeat(70_000) + ".png"), ok(200), ok(200), ok(200)));
		rows.add(row("names", "file_name of 40 000 two-byte characters, then a download job",
				() -> uploadAndZip("\u00e9".repeat(40_000) + ".png"), ok(200), ok(200), ok(200)));
		rows.add(row("names", "file_name with NUL, slashes and a lone surrogate, then a download job",
				() -> uploadAndZip("..\\u0000/x\\\\y\\ud800.png"), ok(200), ok(200), ok(200)));
		// Credential mix-ups
		rows.add(row("credentials", "client key on a server route",
				() -> List.of(answer(http.get("/api/v1/images/", CLIENT_KEY))),
				domain(403, "OperationNotAllowedError")));
		rows.add(row(
				"credentials", "client key on upload_via_url", () -> List.of(answer(http
					.postJson("/api/v1/images/upload_via_url", CLIENT_KEY, "{\"url\":\"https://example.com/a.png\"}"))),
				domain(403, "OperationNotAllowedError")));
		rows.add(row("credentials", "no key", () -> List.of(answer(http.send(http.request("/api/v1/images/").GET()))),
				domain(401, "InvalidTokenError")));
		rows.add(row("credentials", "Basic scheme",
				() -> List
					.of(answer(http.send(http.request("/api/v1/images/").header("Authorization", "Basic c2s6").GET()))),
				domain(401, "InvalidTokenError")));
		rows.add(row("credentials", "unknown key", () -> List.of(answer(http.get("/api/v1/images/", "sk_test_guess"))),
				domain(401, "InvalidTokenError")));
		rows.add(row("credentials", "server key with a bogus upload_token",
				() -> List.of(answer(http.postJson("/api/v1/images/standard_upload?upload_token=ut_bogus", SERVER_KEY,
						"{\"file_name\":\"a.png\"}"))),
				domain(401, "InvalidTokenError")));
		rows.add(
				row("credentials", "client key, bogus upload_token, 500 kB body announced but not sent",
						() -> raw(jsonHead("/api/v1/images/standard_upload?upload_token=ut_bogus", CLIENT_KEY,
								"Content-Length: 500000"), bytes("{\"file_name\":")),
						domain(401, "InvalidTokenError")));
		rows.add(row("credentials", "upload token reused without idempotency key", () -> {
			String token = TestHttp
				.json(http
					.send(http.request("/api/v1/images/token", SERVER_KEY).POST(HttpRequest.BodyPublishers.noBody())))
				.get("token")
				.stringValue();
			String path = "/api/v1/images/standard_upload?upload_token=" + token;
			return List.of(answer(http.postJson(path, CLIENT_KEY, "{\"file_name\":\"a.png\"}")),
					answer(http.postJson(path, CLIENT_KEY, "{\"file_name\":\"b.png\"}")));
		}, ok(200), domain(401, "InvalidTokenError")));
		rows.add(row("credentials", "malformed X-Environment-Id",
				() -> List.of(answer(http
					.send(http.request("/api/v1/images/", SERVER_KEY).header("X-Environment-Id", "prod").GET()))),
				validation("header", "x-environment-id")));
		rows.add(row("credentials", "8 MiB PUT to a forged upload URL",
				() -> List
					.of(answer(http.send(http.request("/upload/" + UNKNOWN_ID + "?expires=9999999999&signature=00")
						.header("Content-Type", "image/png")
						.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[8 * 1024 * 1024]))))),
				domain(403, "ResourceNotAuthorizedError")));
		// upload_via_url at what a server-side request forgery would aim at
		rows.add(row("ssrf", "upload_via_url of an image's own cdn_url on loopback", () -> {
			String id = http.upload("own.png", "image/png", SampleImages.png(2, 2));
			return List.of(answer(uploadViaUrl(http.retrieve(id).get("cdn_url").stringValue())));
		}, domain(400, "UrlFetchError")));
		for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[::1]:1/a.png",
				"http://10.0.0.1/a.png", "http://0.0.0.0/a.png")) {
			rows.add(row("ssrf", "upload_via_url of " + url, () -> List.of(answer(uploadViaUrl(url))),
					domain(400, "UrlFetchError")));
		}
		rows.add(row("ssrf", "upload_via_url of a URL with a space",
				() -> List.of(answer(uploadViaUrl("http://exa mple.com/a.png"))), validation("body", "url")));
		return rows;
	}

	/**
	 * Upload an image, zip it in a download job and check the zip.
	 * @param fileName the file name as the content of a JSON string, escapes included
	 */
	private static List<Answer> uploadAndZip(String fileName) throws IOException {
		byte[] png = SampleImages.png(2, 2);
		HttpResponse<String> created = http.postJson("/api/v1/images/standard_upload", SERVER_KEY,
				"{\"file_name\":\"" + fileName + "\",\"mime_type\":\"image/png\"}");
		if (created.statusCode() != 200) {
			return List.of(answer(created));
		}
		JsonNode upload = TestHttp.json(created);
		HttpResponse<String> put = http.put(upload.get("upload_url").stringValue(), png, "image/png");
		String id = upload.get("image").get("id").stringValue();
		JsonNode job = TestHttp
			.json(http.postJson("/api/v1/images/downloads", SERVER_KEY, "{\"image_ids\":[\"" + id + "\"]}"));
		HttpResponse<String> finished = http.get("/api/v1/images/downloads/" + job.get("id").stringValue(), SERVER_KEY);
		JsonNode ready = TestHttp.json(finished);
		assertThat(ready.get("status").stringValue()).as("download job").isEqualTo("READY");
		byte[] zip = http.getBytes(ready.get("download_url").stringValue()).body();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			ZipEntry entry = in.getNextEntry();
			assertThat(entry.getName().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
			assertThat(entry.getName()).endsWith(".png");
			assertThat(in.readAllBytes()).isEqualTo(png);
			assertThat(in.getNextEntry()).isNull();
		}
		return List.of(answer(created), answer(put), answer(finished));
	}

	private static JsonNode createUpload(String fileName) {
		return http.createUpload("{\"file_name\":\"" + fileName + "\",\"mime_type\":\"image/png\"}");
	}

	private static HttpResponse<String> upload(String json) {
		return http.postJson("/api/v1/images/standard_upload", SERVER_KEY, json);
	}

	private static HttpResponse<String> uploadViaUrl(String url) {
		return http.postJson("/api/v1/images/upload_via_url", SERVER_KEY,
				TestHttp.JSON.writeValueAsString(Map.of("url", url)));
	}

	private static List<Answer> raw(byte[]... request) {
		try (RawHttp raw = new RawHttp(emulator.port())) {
			for (byte[] part : request) {
				raw.writeTolerantly(part);
			}
			return List.of(answer(raw.read()));
		}
	}

	private static byte[] get(String target) {
		return RawHttp.head("GET " + target + " HTTP/1.1", "Host: x", auth(SERVER_KEY));
	}

	private static byte[] jsonHead(String target, String key, String framing) {
		return RawHttp.head("POST " + target + " HTTP/1.1", "Host: x", auth(key), "Content-Type: application/json",
				framing);
	}

	private static byte[] putHead(URI url, int length) {
		return RawHttp.head("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1", "Host: x",
				"Content-Type: image/png", "Content-Length: " + length);
	}

	private static String auth(String key) {
		return "Authorization: Bearer " + key;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Answer answer(RawHttp.Response response) {
		return new Answer(response.status(), parse(response.headers().get("content-type"), response.text()));
	}

	private static Answer answer(HttpResponse<String> response) {
		return new Answer(response.statusCode(),
				parse(response.headers().firstValue("Content-Type").orElse(null), response.body()));
	}

	private static JsonNode parse(String contentType, String body) {
		return (contentType != null && contentType.startsWith("application/json")) ? TestHttp.JSON.readTree(body)
				: null;
	}

	private static Row row(String group, String name, Action action, Expect... expected) {
		return new Row(group, name, action, List.of(expected));
	}

	private static Expect domain(int status, String errorType) {
		return new Expect(status, "{detail, error_type=" + errorType + "}", (body) -> body != null
				&& body.path("detail").isString() && errorType.equals(body.path("error_type").stringValue()));
	}

	private static Expect conflict() {
		return domain(409, "UploadConflictError");
	}

	private static Expect validation(Object... location) {
		return new Expect(422, "{detail: [{loc=" + Arrays.toString(location) + ", msg, type}]}", (body) -> {
			JsonNode error = (body != null) ? body.path("detail").path(0) : null;
			if (error == null || !error.path("msg").isString() || !error.path("type").isString()) {
				return false;
			}
			for (int i = 0; i < location.length; i++) {
				if (!location[i].toString().equals(error.path("loc").path(i).asString())) {
					return false;
				}
			}
			return true;
		});
	}

	private static Expect ok(int status) {
		return new Expect(status, "success", (body) -> true);
	}

	private static Expect closed() {
		return new Expect(CLOSED, "closed without an answer", (body) -> true);
	}

	@FunctionalInterface
	interface Action {

		List<Answer> run() throws Exception;

	}

	record Answer(int status, JsonNode body) {

		@Override
		public String toString() {
			String text = (this.body != null) ? this.body.toString() : "";
			return ((this.status == CLOSED) ? "closed" : Integer.toString(this.status)) + " "
					+ ((text.length() > 200) ? text.substring(0, 200) + "..." : text);
		}

	}

	record Expect(int status, String shape, java.util.function.Predicate<JsonNode> matches) {

		@Override
		public String toString() {
			return ((this.status == CLOSED) ? "closed" : Integer.toString(this.status)) + " " + this.shape;
		}

	}

	record Row(String group, String name, Action action, List<Expect> expected) {

		/**
		 * Why the answers differ from the expected ones, or {@code null}.
		 */
		String check(List<Answer> answers) {
			if (answers.size() != this.expected.size()) {
				return "expected " + this.expected + " but got " + answers;
			}
			for (int i = 0; i < answers.size(); i++) {
				Expect expect = this.expected.get(i);
				Answer answer = answers.get(i);
				if (answer.status() != expect.status() || !expect.matches().test(answer.body())) {
					return "expected " + this.expected + " but got " + answers;
				}
			}
			return null;
		}

		@Override
		public String toString() {
			return "[" + this.group + "] " + this.name;
		}

	}

}
