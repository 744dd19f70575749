package dev.imgwire.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upload_via_url}: the emulator fetches from a loopback origin server, which these
 * tests allow explicitly.
 */
class UploadViaUrlTests {

	private static final byte[] PNG = SampleImages.png(12, 8);

	private final AtomicInteger originRequests = new AtomicInteger();

	private final ExecutorService originThreads = Executors.newCachedThreadPool();

	private HttpServer origin;

	private String originUrl;

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator(() -> ImgwireEmulator.builder().allowLoopbackUrls(true));

	@BeforeEach
	void start() throws IOException {
		this.origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.origin.createContext("/photos/", (exchange) -> respond(exchange, 200, "image/png", PNG, false));
		this.origin.createContext("/untyped/", (exchange) -> respond(exchange, 200, null, PNG, false));
		this.origin.createContext("/chunked/", (exchange) -> respond(exchange, 200, "image/png", PNG, true));
		this.origin.createContext("/missing", (exchange) -> respond(exchange, 404, "text/plain", new byte[0], false));
		this.origin.createContext("/page",
				(exchange) -> respond(exchange, 200, "text/html", "<html></html>".getBytes(), false));
		this.origin.createContext("/drip/", this::drip);
		this.origin.createContext("/redirect", (exchange) -> {
			this.originRequests.incrementAndGet();
			exchange.getResponseHeaders()
				.set("Location", exchange.getRequestURI().getRawQuery().substring("to=".length()));
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		// A dripping source must not hold up the other contexts.
		this.origin.setExecutor(this.originThreads);
		this.origin.start();
		this.originUrl = "http://127.0.0.1:" + this.origin.getAddress().getPort();
	}

	@AfterEach
	void stop() {
		this.origin.stop(0);
		this.originThreads.shutdownNow();
	}

	@Test
	void fetchedImageIsReturnedAsBareImageSchemaAndBecomesReady() {
		HttpResponse<String> response = uploadViaUrl("{\"url\":\"" + this.originUrl + "/photos/sunset.png\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode image = TestHttp.json(response);
		assertThat(image.has("upload_url")).isFalse();
		assertThat(image.get("status").stringValue()).isEqualTo("PROCESSING");
		assertThat(image.get("original_filename").stringValue()).isEqualTo("sunset.png");
		assertThat(image.get("mime_type").stringValue()).isEqualTo("image/png");
		assertThat(image.get("size_bytes").longValue()).isEqualTo(PNG.length);
		String id = image.get("id").stringValue();
		JsonNode ready = this.running.http().retrieve(id);
		assertThat(ready.get("status").stringValue()).isEqualTo("READY");
		assertThat(ready.get("width").intValue()).isEqualTo(12);
		assertThat(ready.get("height").intValue()).isEqualTo(8);
		assertThat(this.running.emulator().state().storedBytes(UUID.fromString(id))).hasValue(PNG);
	}

	@Test
	void fetchedImageCountsAsAnUploadInTheMetrics() {
		assertThat(uploadViaUrl("{\"url\":\"" + this.originUrl + "/photos/sunset.png\"}").statusCode()).isEqualTo(200);
		assertThat(this.running.emulator().state().usage().uploads()).isEqualTo(1);
		assertThat(this.running.emulator().state().usage().storageBytesNet()).isEqualTo(PNG.length);
		JsonNode uploads = TestHttp
			.json(this.running.http().get("/api/v1/metrics/datasets", this.running.emulator().serverKey()))
			.get("uploads");
		assertThat(uploads.get(uploads.size() - 1).get("uploads").longValue()).isEqualTo(1);
	}

	@Test
	void givenFileNameAndMetadataAreKept() {
		HttpResponse<String> response = uploadViaUrl("{\"url\":\"" + this.originUrl
				+ "/photos/x.png\",\"file_name\":\"mine.png\",\"purpose\":\"hero\",\"custom_metadata\":{\"a\":\"b\"}}");
		JsonNode image = TestHttp.json(response);
		assertThat(image.get("original_filename").stringValue()).isEqualTo("mine.png");
		assertThat(image.get("purpose").stringValue()).isEqualTo("hero");
		assertThat(image.get("custom_metadata").toString()).isEqualTo("{\"a\":\"b\"}");
	}

	@Test
	void typeIsSniffedWhenTheOriginSendsNoContentType() {
		HttpResponse<String> response = uploadViaUrl("{\"url\":\"" + this.originUrl + "/untyped/blob\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(TestHttp.json(response).get("mime_type").stringValue()).isEqualTo("image/png");
	}

	@Test
	void sourceLargerThanTheLimitIsRejectedWithoutCreatingAnImage() {
		try (ImgwireEmulator limited = ImgwireEmulator.builder()
			.allowLoopbackUrls(true)
			.maxUrlFetchBytes(PNG.length - 1)
			.start()) {
			TestHttp limitedHttp = new TestHttp(limited);
			for (String path : new String[] { "/photos/a.png", "/chunked/a.png" }) {
				HttpResponse<String> response = limitedHttp.postJson("/api/v1/images/upload_via_url",
						limited.serverKey(), "{\"url\":\"" + this.originUrl + path + "\"}");
				assertThat(response.statusCode()).as(path).isEqualTo(400);
				assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("UrlFetchError");
				assertThat(TestHttp.json(response).get("detail").stringValue()).contains("limit");
			}
			assertThat(limited.state().images()).isEmpty();
		}
	}

	@Test
	void fetchedFileIsDiscardedWhenTheImageCannotBeStored(@TempDir Path parent) throws IOException {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder()
			.allowLoopbackUrls(true)
			.storageDirectory(parent)
			.start()) {
			Path incomingFolder = BrokenStorage.blockImagesFolder(parent);
			HttpResponse<String> response = new TestHttp(emulator).postJson("/api/v1/images/upload_via_url",
					emulator.serverKey(), "{\"url\":\"" + this.originUrl + "/untyped/a.png\"}");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
			assertThat(this.originRequests).hasValue(1);
			try (Stream<Path> incoming = Files.list(incomingFolder)) {
				assertThat(incoming).isEmpty();
			}
		}
	}

	@Test
	void nonSuccessStatusFromTheOriginIsAFetchError() {
		HttpResponse<String> response = uploadViaUrl("{\"url\":\"" + this.originUrl + "/missing\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("UrlFetchError");
		assertThat(TestHttp.json(response).get("detail").stringValue()).contains("404");
	}

	@Test
	void unreachableOriginIsAFetchError() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		HttpResponse<String> response = uploadViaUrl("{\"url\":\"http://127.0.0.1:" + closedPort + "/a.png\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("UrlFetchError");
	}

	@Test
	void nonImageContentWithoutDeclaredTypeIsAFetchError() {
		HttpResponse<String> response = uploadViaUrl("{\"url\":\"" + this.originUrl + "/page\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(this.running.emulator().state().images()).isEmpty();
	}

	@Test
	void nonImageContentWithDeclaredTypeIsQuarantined() {
		HttpResponse<String> response = uploadViaUrl(
				"{\"url\":\"" + this.originUrl + "/page\",\"mime_type\":\"image/png\",\"file_name\":\"a.png\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		String id = TestHttp.json(response).get("id").stringValue();
		assertThat(this.running.http().retrieve(id).get("status").stringValue()).isEqualTo("QUARANTINE");
	}

	@Test
	@Timeout(60)
	void sourceThatDripsLongerThanTheFetchTimeoutIsAFetchError(@TempDir Path parent) throws IOException {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder()
			.allowLoopbackUrls(true)
			.urlFetchTimeout(Duration.ofMillis(500))
			.storageDirectory(parent)
			.start()) {
			long started = System.nanoTime();
			HttpResponse<String> response = new TestHttp(emulator).postJson("/api/v1/images/upload_via_url",
					emulator.serverKey(), "{\"url\":\"" + this.originUrl + "/drip/slow.png\"}");
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("UrlFetchError");
			assertThat(TestHttp.json(response).get("detail").stringValue()).contains("timed out");
			assertThat(took).as("bounded by the fetch timeout, not the source").isLessThan(Duration.ofSeconds(10));
			assertThat(emulator.state().images()).isEmpty();
			Await.until("the partial download is deleted", () -> {
				try (Stream<Path> files = Files.walk(parent)) {
					return files.noneMatch(Files::isRegularFile);
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
	}

	@Test
	void redirectToAnotherAllowedSourceIsFollowed() {
		String target = this.originUrl + "/photos/moved.png";
		HttpResponse<String> response = uploadViaUrl("{\"url\":\"" + this.originUrl + "/redirect?to=" + target + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.originRequests).hasValue(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/a.png",
			"http://0.0.0.0:1/a.png", "http://[fd00::1]/a.png" })
	void redirectToANonPublicAddressIsRefusedBeforeConnecting(String target) {
		HttpResponse<String> response = uploadViaUrl("{\"url\":\"" + this.originUrl + "/redirect?to=" + target + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("UrlFetchError");
		assertThat(TestHttp.json(response).get("detail").stringValue())
			.endsWith("only public addresses can be fetched");
		assertThat(this.running.emulator().state().images()).isEmpty();
	}

	@Test
	void knownIdempotencyKeyReturnsTheImageWithoutFetchingAgain() {
		String body = "{\"url\":\"" + this.originUrl + "/photos/a.png\",\"idempotency_key\":\"u1\"}";
		String first = TestHttp.json(uploadViaUrl(body)).get("id").stringValue();
		String second = TestHttp.json(uploadViaUrl(body)).get("id").stringValue();
		assertThat(second).isEqualTo(first);
		assertThat(this.originRequests).hasValue(1);
		assertThat(this.running.emulator().state().images()).hasSize(1);
	}

	private HttpResponse<String> uploadViaUrl(String json) {
		return this.running.http().postJson("/api/v1/images/upload_via_url", this.running.emulator().serverKey(), json);
	}

	/**
	 * Announce a PNG of 2000 bytes, then send 10 bytes every 100 ms until the reader
	 * gives up (or, unbounded by a reader, after 20 seconds).
	 */
	private void drip(HttpExchange exchange) throws IOException {
		this.originRequests.incrementAndGet();
		exchange.getResponseHeaders().set("Content-Type", "image/png");
		exchange.sendResponseHeaders(200, 2000);
		try (OutputStream out = exchange.getResponseBody()) {
			for (int i = 0; i < 200; i++) {
				out.write(new byte[10]);
				out.flush();
				Thread.sleep(100);
			}
		}
		catch (IOException ex) {
			// The emulator gave up, as it should.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void respond(HttpExchange exchange, int status, String contentType, byte[] body, boolean chunked)
			throws IOException {
		this.originRequests.incrementAndGet();
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, chunked ? 0 : (body.length == 0 ? -1 : body.length));
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
