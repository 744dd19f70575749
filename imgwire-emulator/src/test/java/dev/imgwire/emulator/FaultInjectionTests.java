package dev.imgwire.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.imgwire.emulator.state.EmulatedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every fault kind, over real connections.
 */
class FaultInjectionTests {

	private static final String UPLOAD = "{\"file_name\":\"a.png\",\"idempotency_key\":\"k1\"}";

	private static final String UNKNOWN_ID = "2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f";

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@Test
	void respondWithAffectsTheNextRequestsOnly() {
		this.running.emulator().faults().next(EmulatorOperation.LIST, 2).respondWith(503);
		HttpResponse<String> first = list();
		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(first.body()).isEqualTo("{\"detail\":\"Injected fault\",\"error_type\":\"InjectedFault\"}");
		assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(list().statusCode()).isEqualTo(503);
		assertThat(list().statusCode()).isEqualTo(200);
		assertThat(this.running.emulator().faults().injected(EmulatorOperation.LIST)).isEqualTo(2);
		assertThat(this.running.emulator().faults().injected(EmulatorOperation.RETRIEVE)).isZero();
	}

	@Test
	void respondWithDurationSendsRetryAfterInWholeSeconds() {
		this.running.emulator().faults().next(EmulatorOperation.LIST, 1).respondWith(429, Duration.ofMillis(1500));
		HttpResponse<String> response = list();
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
	}

	@Test
	void respondWithRawRetryAfterSendsItVerbatim() {
		this.running.emulator()
			.faults()
			.next(EmulatorOperation.LIST, 1)
			.respondWith(503, "Wed, 21 Oct 2015 07:28:00 GMT");
		assertThat(list().headers().firstValue("Retry-After")).hasValue("Wed, 21 Oct 2015 07:28:00 GMT");
	}

	@Test
	void respondRawSendsExactlyTheGivenHeadersAndBody() {
		this.running.emulator()
			.faults()
			.next(EmulatorOperation.RETRIEVE, 1)
			.respondRaw(502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>");
		HttpResponse<String> response = this.running.http()
			.get("/api/v1/images/2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f", this.running.emulator().serverKey());
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
		assertThat(response.body()).isEqualTo("<html>Bad gateway</html>");
	}

	@Test
	void respondRawCanSendMalformedJsonWithSuccessStatus() {
		this.running.emulator()
			.faults()
			.next(EmulatorOperation.STANDARD_UPLOAD, 1)
			.respondRaw(200, Map.of("Content-Type", "application/json"), "{\"image\":");
		HttpResponse<String> response = upload();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"image\":");
		assertThat(this.running.emulator().state().images()).isEmpty();
	}

	@Test
	void stallOutlastsTheClientTimeout() {
		this.running.emulator().faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofSeconds(30));
		HttpRequest request = this.running.http()
			.request("/api/v1/images/", this.running.emulator().serverKey())
			.timeout(Duration.ofMillis(300))
			.GET()
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> this.running.http().sendOrThrow(request));
		assertThat(this.running.emulator().faults().injected(EmulatorOperation.LIST)).isEqualTo(1);
	}

	@Test
	void stalledRequestIsProcessedNormallyAfterwards() {
		this.running.emulator().faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).stall(Duration.ofMillis(50));
		assertThat(upload().statusCode()).isEqualTo(200);
		assertThat(this.running.emulator().state().images()).hasSize(1);
	}

	@Test
	void resetConnectionFailsTheRequestWithoutRunningIt() {
		this.running.emulator().faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).resetConnection();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.running.http().sendOrThrow(uploadRequest()));
		assertThat(this.running.emulator().state().images()).isEmpty();
		assertThat(this.running.emulator().state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(1);
		assertThat(upload().statusCode()).isEqualTo(200);
	}

	@Test
	void loseResponseRunsTheOperationButNeverAnswers() {
		this.running.emulator().faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).loseResponse();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.running.http().sendOrThrow(uploadRequest()));
		assertThat(this.running.emulator().state().images()).singleElement()
			.extracting(EmulatedImage::idempotencyKey)
			.isEqualTo("k1");
		String retried = TestHttp.json(upload()).get("image").get("id").stringValue();
		assertThat(retried).isEqualTo(this.running.emulator().state().images().get(0).id().toString());
	}

	@Test
	void truncateBodyRunsTheOperationAndCutsTheResponse() {
		this.running.emulator().faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).truncateBody();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.running.http().sendOrThrow(uploadRequest()));
		assertThat(this.running.emulator().state().images()).hasSize(1);
	}

	@Test
	void overrideHeadersReplacesHeadersOfARealResponse() {
		this.running.http().upload("a.png", "image/png", SampleImages.png(2, 2));
		this.running.emulator()
			.faults()
			.next(EmulatorOperation.LIST, 1)
			.overrideHeaders(Map.of("X-Next-Page", "None", "X-Total-Count", "lots"));
		HttpResponse<String> response = list();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.json(response).size()).isEqualTo(1);
		assertThat(response.headers().firstValue("X-Next-Page")).hasValue("None");
		assertThat(response.headers().firstValue("X-Total-Count")).hasValue("lots");
		assertThat(response.headers().allValues("X-Total-Count")).hasSize(1);
	}

	@Test
	@Timeout(60)
	void dripBodySendsHeadersAtOnceAndTheBodyInPieces() {
		this.running.emulator().faults().next(EmulatorOperation.RETRIEVE, 1).dripBody(10, Duration.ofMillis(150));
		try (RawHttp raw = new RawHttp(this.running.emulator().port())) {
			raw.write(RawHttp.head("GET /api/v1/images/" + UNKNOWN_ID + " HTTP/1.1", "Host: x",
					"Authorization: Bearer " + this.running.emulator().serverKey()));
			RawHttp.Response head = raw.readHead();
			long headersAt = System.nanoTime();
			assertThat(head.status()).isEqualTo(404);
			int length = Integer.parseInt(head.headers().get("content-length"));
			List<byte[]> pieces = raw.readPieces(length);
			Duration bodyTook = Duration.ofNanos(System.nanoTime() - headersAt);
			byte[] body = RawHttp.concat(pieces.toArray(new byte[0][]));
			assertThat(body).hasSize(length);
			assertThat(new String(body, StandardCharsets.UTF_8))
				.isEqualTo("{\"detail\":\"Image not found\",\"error_type\":\"ResourceNotFoundError\"}");
			// Generous bounds on behaviour, not timing: several pieces, spread over time.
			assertThat(pieces).hasSizeGreaterThanOrEqualTo(3)
				.allSatisfy((piece) -> assertThat(piece).hasSizeLessThanOrEqualTo(10));
			assertThat(bodyTook).isGreaterThanOrEqualTo(Duration.ofMillis(150));
		}
		assertThat(list().statusCode()).as("later requests are not dripped").isEqualTo(200);
	}

	@Test
	@Timeout(60)
	void dripBodyDripsFilesToo() {
		byte[] png = SampleImages.png(6, 6);
		String id = this.running.http().upload("a.png", "image/png", png);
		String cdnUrl = this.running.http().retrieve(id).get("cdn_url").stringValue();
		this.running.emulator().faults().next(EmulatorOperation.CDN, 1).dripBody(16, Duration.ofMillis(30));
		URI cdn = URI.create(cdnUrl);
		try (RawHttp raw = new RawHttp(this.running.emulator().port())) {
			raw.write(RawHttp.head("GET " + cdn.getRawPath() + " HTTP/1.1", "Host: x"));
			RawHttp.Response head = raw.readHead();
			assertThat(head.status()).isEqualTo(200);
			assertThat(head.headers().get("content-length")).isEqualTo(Integer.toString(png.length));
			List<byte[]> pieces = raw.readPieces(png.length);
			assertThat(RawHttp.concat(pieces.toArray(new byte[0][]))).isEqualTo(png);
			assertThat(pieces).hasSizeGreaterThanOrEqualTo(2);
		}
	}

	@Test
	@Timeout(60)
	void dripBodyLetsAClientProveItsWholeAnswerDeadline() {
		this.running.emulator().faults().next(EmulatorOperation.LIST, 1).dripBody(1, Duration.ofSeconds(1));
		CompletableFuture<HttpResponse<String>> answer = this.running.http()
			.client()
			.sendAsync(
					this.running.http().request("/api/v1/images/", this.running.emulator().serverKey()).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		assertThatExceptionOfType(TimeoutException.class).isThrownBy(() -> answer.get(500, TimeUnit.MILLISECONDS));
		answer.cancel(true);
	}

	@Test
	void faultsForOneOperationAreServedInRegistrationOrder() {
		this.running.emulator()
			.faults()
			.next(EmulatorOperation.LIST, 1)
			.respondWith(500)
			.next(EmulatorOperation.LIST, 1)
			.respondWith(502);
		assertThat(list().statusCode()).isEqualTo(500);
		assertThat(list().statusCode()).isEqualTo(502);
		assertThat(list().statusCode()).isEqualTo(200);
		assertThat(this.running.emulator().faults().injectedTotal()).isEqualTo(2);
	}

	@Test
	void faultCountIsExactUnderConcurrentRequests() {
		this.running.emulator().faults().next(EmulatorOperation.LIST, 10).respondWith(503);
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			responses.add(this.running.http()
				.client()
				.sendAsync(this.running.http()
					.request("/api/v1/images/", this.running.emulator().serverKey())
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString()));
		}
		long faulted = responses.stream().map(CompletableFuture::join).filter((r) -> r.statusCode() == 503).count();
		assertThat(faulted).isEqualTo(10);
		assertThat(this.running.emulator().faults().injected(EmulatorOperation.LIST)).isEqualTo(10);
		assertThat(this.running.emulator().state().requestCount(EmulatorOperation.LIST)).isEqualTo(32);
	}

	@Test
	void faultsApplyBeforeAuthentication() {
		this.running.emulator().faults().next(EmulatorOperation.LIST, 1).respondWith(503);
		HttpResponse<String> response = this.running.http().send(this.running.http().request("/api/v1/images/").GET());
		assertThat(response.statusCode()).isEqualTo(503);
	}

	@Test
	void faultsApplyToPresignedPutsAndTheCdn() {
		this.running.emulator().faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(503);
		String url = this.running.http()
			.createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}")
			.get("upload_url")
			.stringValue();
		assertThat(this.running.http().put(url, SampleImages.png(2, 2), "image/png").statusCode()).isEqualTo(503);
		assertThat(this.running.http().put(url, SampleImages.png(2, 2), "image/png").statusCode()).isEqualTo(200);
		String cdnUrl = this.running.emulator().state().images().get(0).id().toString();
		this.running.emulator().faults().next(EmulatorOperation.CDN, 1).truncateBody();
		String cdn = this.running.http().retrieve(cdnUrl).get("cdn_url").stringValue();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.running.http()
			.client()
			.send(this.running.http().request(cdn).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
		assertThat(this.running.http().getBytes(cdn).statusCode()).isEqualTo(200);
	}

	@Test
	void faultsApplyToTheCorsOriginCustomDomainAndMetricsOperations() {
		String key = this.running.emulator().serverKey();
		this.running.emulator().faults().next(EmulatorOperation.CREATE_CORS_ORIGIN, 1).respondWith(503);
		HttpResponse<String> faulted = this.running.http()
			.postJson("/api/v1/cors_origins/", key, "{\"pattern\":\"*\"}");
		assertThat(faulted.statusCode()).isEqualTo(503);
		assertThat(this.running.emulator().state().corsOrigins()).as("the fault replaced the operation").isEmpty();
		assertThat(this.running.http().postJson("/api/v1/cors_origins/", key, "{\"pattern\":\"*\"}").statusCode())
			.isEqualTo(200);
		this.running.emulator().faults().next(EmulatorOperation.CREATE_CUSTOM_DOMAIN, 1).loseResponse();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.running.http()
			.sendOrThrow(this.running.http()
				.request("/api/v1/custom_domain/", key)
				.POST(HttpRequest.BodyPublishers.ofString("{\"hostname\":\"images.example.com\"}"))
				.build()));
		assertThat(this.running.emulator().state().customDomain()).as("the operation ran").isPresent();
		this.running.emulator()
			.faults()
			.next(EmulatorOperation.METRICS_STATS, 1)
			.respondWith(429, Duration.ofSeconds(2));
		HttpResponse<String> limited = this.running.http().get("/api/v1/metrics/stats", key);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(this.running.http().get("/api/v1/metrics/stats", key).statusCode()).isEqualTo(200);
		assertThat(this.running.emulator().faults().injected(EmulatorOperation.CREATE_CORS_ORIGIN)).isEqualTo(1);
		assertThat(this.running.emulator().faults().injected(EmulatorOperation.CREATE_CUSTOM_DOMAIN)).isEqualTo(1);
		assertThat(this.running.emulator().faults().injected(EmulatorOperation.METRICS_STATS)).isEqualTo(1);
		assertThat(this.running.emulator().state().requestCount(EmulatorOperation.METRICS_STATS)).isEqualTo(2);
	}

	@Test
	void clearDropsPendingFaultsButKeepsTheCount() {
		this.running.emulator().faults().next(EmulatorOperation.LIST, 5).respondWith(503);
		list();
		this.running.emulator().faults().clear();
		assertThat(list().statusCode()).isEqualTo(200);
		assertThat(this.running.emulator().faults().injected(EmulatorOperation.LIST)).isEqualTo(1);
	}

	@Test
	void invalidFaultPlansAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.running.emulator().faults().next(EmulatorOperation.LIST, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.running.emulator().faults().next(EmulatorOperation.LIST, 1).respondWith(42));
		assertThatIllegalArgumentException().isThrownBy(() -> this.running.emulator()
			.faults()
			.next(EmulatorOperation.LIST, 1)
			.dripBody(0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.running.emulator().faults().next(EmulatorOperation.LIST, 1).dripBody(1, Duration.ZERO));
	}

	private HttpResponse<String> list() {
		return this.running.http().get("/api/v1/images/", this.running.emulator().serverKey());
	}

	private HttpResponse<String> upload() {
		return this.running.http()
			.postJson("/api/v1/images/standard_upload", this.running.emulator().serverKey(), UPLOAD);
	}

	private HttpRequest uploadRequest() {
		return this.running.http()
			.request("/api/v1/images/standard_upload", this.running.emulator().serverKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(UPLOAD))
			.build();
	}

}
