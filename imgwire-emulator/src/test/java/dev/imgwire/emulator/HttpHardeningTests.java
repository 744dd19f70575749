package dev.imgwire.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the HTTP layer must survive: undecodable targets and framing, oversized and
 * deeply nested JSON, credentials refused before a body is read, stalled bodies and idle
 * connections. Each answer is a JSON error in a documented shape.
 */
@Timeout(60)
class HttpHardeningTests {

	private static final Duration IDLE = Duration.ofSeconds(1);

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator(() -> ImgwireEmulator.builder().idleTimeout(IDLE));

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/images/%zz", "/api/v1/images/%", "/api/v1/images/%4", "/api/v1/images/%e9",
			"/api/v1/images/%C3%28", "/api/v1/images/?page=%zz", "/api/v1/images/?page=%", "/api/v1/images/?page=%e9",
			"/api/v1/metrics/stats?tz=%ff", "/cdn/%zz/x/y", "/upload/%?signature=%", "/nowhere/%zz" })
	void malformedPercentEncodingIsA400JsonError(String target) {
		RawHttp.Response response = rawGet(target);
		assertDomainError(response, 400, "InvalidRequestError");
		assertThat(response.json().get("detail").stringValue()).startsWith("Malformed");
		assertStillServing();
	}

	@Test
	void wellFormedMultiByteEncodingIsDecodedAndRouted() {
		RawHttp.Response response = rawGet("/api/v1/images/%C3%A9t%C3%A9?page=%C3%A9");
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "garbage request line|400", "two Content-Lengths|400",
			"Content-Length with chunked|400", "bad chunk size|400", "URI over 4 KiB|414", "header over 8 KiB|431" })
	void requestsNettyCannotDecodeGetAJsonError(String kind, int status) {
		String auth = "Authorization: Bearer " + this.running.emulator().serverKey();
		byte[] request = switch (kind) {
			case "garbage request line" -> "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
			case "two Content-Lengths" -> RawHttp.head("POST /api/v1/images/standard_upload HTTP/1.1", "Host: x", auth,
					"Content-Length: 5", "Content-Length: 6");
			case "Content-Length with chunked" ->
				RawHttp.concat(RawHttp.head("POST /api/v1/images/standard_upload HTTP/1.1", "Host: x", auth,
						"Content-Length: 5", "Transfer-Encoding: chunked"), bytes("0\r\n\r\n"));
			case "bad chunk size" -> RawHttp.concat(RawHttp.head("POST /api/v1/images/standard_upload HTTP/1.1",
					"Host: x", auth, "Transfer-Encoding: chunked"), bytes("zz\r\nabc\r\n0\r\n\r\n"));
			case "URI over 4 KiB" -> RawHttp.head("GET /api/v1/images/?x=" + "a".repeat(5000) + " HTTP/1.1", "Host: x");
			case "header over 8 KiB" ->
				RawHttp.head("GET /api/v1/images/ HTTP/1.1", "Host: x", "X-Big: " + "a".repeat(9000));
			default -> throw new IllegalArgumentException(kind);
		};
		try (RawHttp raw = new RawHttp(this.running.emulator().port())) {
			RawHttp.Response response = raw.write(request).read();
			assertDomainError(response, status,
					(status == 400 || status == 414 || status == 431) ? "InvalidRequestError" : null);
		}
		assertStillServing();
	}

	@Test
	void jsonBodyAnnouncedAboveTheCapIsRefusedBeforeItIsRead() {
		try (RawHttp raw = new RawHttp(this.running.emulator().port())) {
			raw.write(RawHttp.head("POST /api/v1/images/standard_upload HTTP/1.1", "Host: x", serverAuth(),
					"Content-Type: application/json", "Content-Length: 700000000"));
			raw.write(new byte[64 * 1024]);
			RawHttp.Response response = raw.read();
			assertDomainError(response, 413, "PayloadTooLargeError");
			assertThat(response.headers().get("connection")).isEqualTo("close");
			assertThat(raw.closedByServer()).isTrue();
		}
		assertStillServing();
	}

	@Test
	void chunkedJsonBodyIsRefusedAsSoonAsItPassesTheCap() {
		try (RawHttp raw = new RawHttp(this.running.emulator().port())) {
			raw.write(RawHttp.head("POST /api/v1/images/standard_upload HTTP/1.1", "Host: x", serverAuth(),
					"Content-Type: application/json", "Transfer-Encoding: chunked"));
			byte[] chunk = bytes("80000\r\n" + " ".repeat(0x80000) + "\r\n");
			for (int i = 0; i < 3; i++) {
				raw.writeTolerantly(chunk);
			}
			assertDomainError(raw.read(), 413, "PayloadTooLargeError");
		}
		assertStillServing();
	}

	@Test
	void clientStillSendingAnOversizedBodyReceivesThe413() {
		HttpResponse<String> response = this.running.http()
			.send(this.running.http()
				.request("/api/v1/images/standard_upload", this.running.emulator().serverKey())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8 * 1024 * 1024])));
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("PayloadTooLargeError");
	}

	@Test
	void jsonBodyCapIsConfigurable() {
		try (ImgwireEmulator small = ImgwireEmulator.builder().maxJsonBodyBytes(64).start()) {
			TestHttp http = new TestHttp(small);
			String fits = "{\"file_name\":\"a.png\"}";
			String tooLong = "{\"file_name\":\"" + "a".repeat(60) + ".png\"}";
			assertThat(http.postJson("/api/v1/images/standard_upload", small.serverKey(), fits).statusCode())
				.isEqualTo(200);
			HttpResponse<String> refused = http.postJson("/api/v1/images/standard_upload", small.serverKey(), tooLong);
			assertThat(refused.statusCode()).isEqualTo(413);
			assertThat(TestHttp.json(refused).get("detail").stringValue()).contains("64 bytes");
			assertThat(small.state().images()).hasSize(1);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 65, 100_000 })
	void deeplyNestedJsonIsA400(int depth) {
		String nested = "[".repeat(depth) + "]".repeat(depth);
		HttpResponse<String> response = this.running.http()
			.postJson("/api/v1/images/standard_upload", this.running.emulator().serverKey(),
					"{\"file_name\":\"a.png\",\"custom_metadata\":{\"k\":" + nested + "}}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode error = TestHttp.json(response);
		assertThat(error.get("error_type").stringValue()).isEqualTo("InvalidRequestError");
		assertThat(error.get("detail").stringValue()).contains("deeper than 64");
		assertThat(this.running.emulator().state().images()).isEmpty();
	}

	@Test
	void bogusUploadTokenIsRefusedBeforeTheBodyIsRead() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().clientKey("ck_test_hard").start();
				RawHttp raw = new RawHttp(emulator.port(), Duration.ofSeconds(10))) {
			// Most of the announced body never comes: only an answer that does not wait
			// for it arrives before the default 30 s idle timeout.
			raw.write(RawHttp.head("POST /api/v1/images/standard_upload?upload_token=ut_bogus HTTP/1.1", "Host: x",
					"Authorization: Bearer ck_test_hard", "Content-Type: application/json", "Content-Length: 500000"));
			raw.write("{\"file_name\":");
			RawHttp.Response response = raw.read();
			assertDomainError(response, 401, "InvalidTokenError");
			assertThat(response.json().get("detail").stringValue()).isEqualTo("Invalid upload token");
		}
	}

	@Test
	void missingExpiredAndSpentTokensAreRefusedBeforeTheBodyIsRead() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder()
			.clientKey("ck_test_hard")
			.requireSignedUploads(true)
			.start()) {
			TestHttp http = new TestHttp(emulator);
			String spent = token(http, emulator);
			assertThat(http
				.postJson("/api/v1/images/standard_upload?upload_token=" + spent, "ck_test_hard",
						"{\"file_name\":\"a.png\"}")
				.statusCode()).isEqualTo(200);
			for (String query : new String[] { "", "?upload_token=" + spent }) {
				try (RawHttp raw = new RawHttp(emulator.port(), Duration.ofSeconds(10))) {
					raw.write(RawHttp.head("POST /api/v1/images/standard_upload" + query + " HTTP/1.1", "Host: x",
							"Authorization: Bearer ck_test_hard", "Content-Type: application/json",
							"Content-Length: 500000"));
					raw.write("{\"file_name\":");
					assertDomainError(raw.read(), 401, "InvalidTokenError");
				}
			}
		}
	}

	@Test
	void smallUnreadBodyIsDrainedAndTheConnectionServesTheNextRequest() {
		try (RawHttp raw = new RawHttp(this.running.emulator().port())) {
			raw.write(RawHttp.concat(RawHttp.head("POST /api/v1/images/standard_upload HTTP/1.1", "Host: x",
					"Authorization: Bearer sk_test_wrong", "Content-Type: application/json", "Content-Length: 21"),
					bytes("{\"file_name\":\"a.png\"}")));
			assertDomainError(raw.read(), 401, "InvalidTokenError");
			raw.write(RawHttp.head("GET /api/v1/images/ HTTP/1.1", "Host: x", serverAuth()));
			assertThat(raw.read().status()).isEqualTo(200);
		}
	}

	@Test
	void stalledJsonBodyIsA408AndTheConnectionCloses() {
		try (RawHttp raw = new RawHttp(this.running.emulator().port())) {
			raw.write(RawHttp.head("POST /api/v1/images/standard_upload HTTP/1.1", "Host: x", serverAuth(),
					"Content-Type: application/json", "Content-Length: 50"));
			raw.write("{\"file_name\":");
			assertDomainError(raw.read(), 408, "RequestTimeoutError");
			assertThat(raw.closedByServer()).isTrue();
		}
		assertThat(this.running.emulator().state().images()).isEmpty();
		assertStillServing();
	}

	@Test
	void idleConnectionsAreClosed() {
		try (RawHttp silent = new RawHttp(this.running.emulator().port());
				RawHttp keptAlive = new RawHttp(this.running.emulator().port());
				RawHttp halfAHead = new RawHttp(this.running.emulator().port())) {
			keptAlive.write(RawHttp.head("GET /api/v1/images/ HTTP/1.1", "Host: x", serverAuth()));
			assertThat(keptAlive.read().status()).isEqualTo(200);
			halfAHead.write("GET /api/v1/images/ HTTP/1.1\r\nHost: x\r\n");
			assertThat(silent.closedByServer()).isTrue();
			assertThat(keptAlive.closedByServer()).isTrue();
			assertThat(halfAHead.closedByServer()).isTrue();
		}
	}

	@Test
	void stalledPutReleasesTheImageAndDeletesItsPartialFile(@TempDir Path parent) {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().idleTimeout(IDLE).storageDirectory(parent).start()) {
			TestHttp http = new TestHttp(emulator);
			byte[] png = SampleImages.png(4, 4);
			String url = http.createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}")
				.get("upload_url")
				.stringValue();
			try (RawHttp stalled = new RawHttp(emulator.port())) {
				stalled.write(putHead(URI.create(url), png.length));
				stalled.write(Arrays.copyOf(png, 10));
				Await.until("the stalled PUT holds the image", () -> emulator.state().openPutStreams() == 1);
				HttpResponse<String> concurrent = http.put(url, png, "image/png");
				assertThat(concurrent.statusCode()).isEqualTo(409);
				assertThat(TestHttp.json(concurrent).get("detail").stringValue()).contains("in progress");
				assertDomainError(stalled.read(), 408, "RequestTimeoutError");
				assertThat(stalled.closedByServer()).isTrue();
			}
			assertThat(emulator.state().openPutStreams()).isZero();
			assertThat(regularFiles(parent)).as("no partial upload left").isZero();
			assertThat(emulator.state().images().get(0).status()).isEqualTo("PENDING");
			// A new client: the first one's pooled connection may have passed the idle
			// timeout meanwhile, and the server closes such connections.
			assertThat(new TestHttp(emulator).put(url, png, "image/png").statusCode()).isEqualTo(200);
			assertThat(emulator.state().storedBytes(emulator.state().images().get(0).id())).hasValue(png);
		}
	}

	private static byte[] putHead(URI url, int length) {
		return RawHttp.head("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1", "Host: x",
				"Content-Type: image/png", "Content-Length: " + length);
	}

	private static long regularFiles(Path parent) {
		try (Stream<Path> files = Files.walk(parent)) {
			return files.filter(Files::isRegularFile).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String token(TestHttp http, ImgwireEmulator emulator) {
		return TestHttp
			.json(http.send(http.request("/api/v1/images/token", emulator.serverKey())
				.POST(HttpRequest.BodyPublishers.noBody())))
			.get("token")
			.stringValue();
	}

	private RawHttp.Response rawGet(String target) {
		try (RawHttp raw = new RawHttp(this.running.emulator().port())) {
			return raw.write(RawHttp.head("GET " + target + " HTTP/1.1", "Host: x", serverAuth())).read();
		}
	}

	private String serverAuth() {
		return "Authorization: Bearer " + this.running.emulator().serverKey();
	}

	private void assertStillServing() {
		assertThat(this.running.http().get("/api/v1/images/", this.running.emulator().serverKey()).statusCode())
			.isEqualTo(200);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	static void assertDomainError(RawHttp.Response response, int status, String errorType) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.headers().get("content-type")).as(response.toString()).isEqualTo("application/json");
		JsonNode body = response.json();
		assertThat(body.get("detail").isString()).as(response.toString()).isTrue();
		if (errorType != null) {
			assertThat(body.get("error_type").stringValue()).as(response.toString()).isEqualTo(errorType);
		}
	}

}
