package dev.imgwire.spring.boot.autoconfigure.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.spring.boot.autoconfigure.ImgwireEmulatorExtension;
import dev.imgwire.spring.boot.autoconfigure.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The presigned {@code PUT} never carries {@code Authorization}, not even after a
 * redirect. A loopback storage stand-in answers the first {@code PUT} with a 307 to a
 * second path of its own, which records the request and hands the bytes on to the
 * emulator's real upload URL.
 * <p>
 * Whether redirects are followed is Boot's {@code spring.http.clients.redirects} setting,
 * which the Imgwire connector inherits; by default they are, and the upload completes.
 * With {@code dont-follow} the 307 ends the upload with a typed error.
 *
 * @author Imgwire
 */
class PresignedPutRedirectTests {

	private static final Duration BLOCK = Duration.ofSeconds(20);

	@RegisterExtension
	static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();

	private final ApplicationContextRunner contextRunner = ImgwireEmulatorExtension.contextRunner()
		.withPropertyValues("imgwire.retry.initial-delay=1ms", "imgwire.retry.max-delay=10ms",
				"imgwire.environment-id=0b8c3c2e-8a1f-4c5d-9e6f-7a8b9c0d1e2f");

	private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

	private HttpServer storage;

	private final HttpClient forwarder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private volatile String realUploadUrl;

	@BeforeEach
	void start() throws IOException {
		this.storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.storage.createContext("/redirect/", (exchange) -> {
			record(exchange);
			exchange.getResponseHeaders()
				.set("Location", "http://127.0.0.1:" + this.storage.getAddress().getPort() + "/final/x?token=hop2");
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		this.storage.createContext("/final/", (exchange) -> {
			byte[] body = record(exchange);
			try {
				HttpResponse<byte[]> answer = this.forwarder.send(HttpRequest.newBuilder(URI.create(this.realUploadUrl))
					.header("Content-Type", exchange.getRequestHeaders().getFirst("Content-Type"))
					.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				exchange.sendResponseHeaders(answer.statusCode(),
						(answer.body().length > 0) ? answer.body().length : -1);
				if (answer.body().length > 0) {
					exchange.getResponseBody().write(answer.body());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				exchange.sendResponseHeaders(500, -1);
			}
			exchange.close();
		});
		this.storage.start();
	}

	@AfterEach
	void stop() {
		this.storage.stop(0);
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aRedirectedPutIsFollowedWithoutCredentialsAndTheUploadCompletes() throws Exception {
		byte[] png = TestImages.png(5, 5);
		redirectNextUpload(png);
		emulatorRunner().run((context) -> {
			Image image = context.getBean(ImgwireImagesClient.class)
				.upload(UploadSource.fromBytes(png), UploadOptions.defaults().withMimeType(SupportedMimeType.PNG))
				.block(BLOCK);
			assertThat(image.status()).isEqualTo(ImageStatus.READY);
			assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
		});
		assertThat(this.recorded).extracting(Recorded::path).containsExactly("/redirect/", "/final/");
		// The real query of the presigned URL reached the storage, not the placeholder.
		assertThat(this.recorded).extracting(Recorded::query).containsExactly("token=hop1", "token=hop2");
		assertThat(this.recorded).allSatisfy((request) -> {
			assertThat(request.method()).isEqualTo("PUT");
			assertThat(request.headers()).doesNotContainKeys("Authorization", "Proxy-authorization", "Cookie",
					"X-environment-id");
			assertThat(request.headers().toString()).doesNotContain(emulator.serverKey());
			assertThat(request.bodyLength()).isEqualTo(png.length);
		});
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void whenRedirectsAreNotFollowedThe307EndsTheUploadWithATypedError() throws Exception {
		byte[] png = TestImages.png(5, 5);
		redirectNextUpload(png);
		emulatorRunner().withPropertyValues("spring.http.clients.redirects=dont-follow").run((context) -> {
			assertThatExceptionOfType(ImgwireApiException.class)
				.isThrownBy(() -> context.getBean(ImgwireImagesClient.class)
					.upload(UploadSource.fromBytes(png), UploadOptions.defaults().withMimeType(SupportedMimeType.PNG))
					.block(BLOCK))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(307);
					assertThat(ex.getMethod()).isEqualTo("PUT");
					assertThat(ex.getPathTemplate()).isEqualTo("{upload_url}");
					assertThat(ex.getAttempts()).isEqualTo(1);
				});
		});
		assertThat(this.recorded).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo("/redirect/");
			assertThat(request.headers()).doesNotContainKeys("Authorization", "X-environment-id");
		});
	}

	private ApplicationContextRunner emulatorRunner() {
		return emulator.runner(this.contextRunner);
	}

	/**
	 * Create a real record through the emulator's HTTP API, then make the next
	 * {@code standard_upload} answer with it, its upload URL pointing at the storage
	 * stand-in instead.
	 */
	private void redirectNextUpload(byte[] png) throws Exception {
		String body = "{\"file_name\":\"r.png\",\"mime_type\":\"image/png\",\"content_length\":" + png.length
				+ ",\"idempotency_key\":\"redirect-test\"}";
		HttpResponse<String> created = this.forwarder
			.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/v1/images/standard_upload"))
				.header("Authorization", "Bearer " + emulator.serverKey())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isBetween(200, 299);
		int start = created.body().indexOf("\"upload_url\":\"") + "\"upload_url\":\"".length();
		int end = created.body().indexOf('"', start);
		this.realUploadUrl = created.body().substring(start, end);
		String redirected = created.body().substring(0, start) + "http://127.0.0.1:"
				+ this.storage.getAddress().getPort() + "/redirect/x?token=hop1" + created.body().substring(end);
		emulator.faults()
			.next(EmulatorOperation.STANDARD_UPLOAD, 1)
			.respondRaw(created.statusCode(), Map.of("Content-Type", "application/json"), redirected);
	}

	private byte[] record(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		this.recorded.add(new Recorded(exchange.getRequestMethod(), exchange.getHttpContext().getPath(),
				exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body.length));
		return body;
	}

	record Recorded(String method, String path, String query, Map<String, List<String>> headers, int bodyLength) {

	}

}
