package dev.imgwire.emulator;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.imgwire.emulator.state.EmulatedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every fault kind, over real connections.
 */
class FaultInjectionTests {

	private static final String UPLOAD = "{\"file_name\":\"a.png\",\"idempotency_key\":\"k1\"}";

	private ImgwireEmulator emulator;

	private TestHttp http;

	@BeforeEach
	void start() {
		this.emulator = ImgwireEmulator.start();
		this.http = new TestHttp(this.emulator);
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void respondWithAffectsTheNextRequestsOnly() {
		this.emulator.faults().next(EmulatorOperation.LIST, 2).respondWith(503);
		HttpResponse<String> first = list();
		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(first.body()).isEqualTo("{\"detail\":\"Injected fault\",\"error_type\":\"InjectedFault\"}");
		assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(list().statusCode()).isEqualTo(503);
		assertThat(list().statusCode()).isEqualTo(200);
		assertThat(this.emulator.faults().injected(EmulatorOperation.LIST)).isEqualTo(2);
		assertThat(this.emulator.faults().injected(EmulatorOperation.RETRIEVE)).isZero();
	}

	@Test
	void respondWithDurationSendsRetryAfterInWholeSeconds() {
		this.emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, Duration.ofMillis(1500));
		HttpResponse<String> response = list();
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
	}

	@Test
	void respondWithRawRetryAfterSendsItVerbatim() {
		this.emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503, "Wed, 21 Oct 2015 07:28:00 GMT");
		assertThat(list().headers().firstValue("Retry-After")).hasValue("Wed, 21 Oct 2015 07:28:00 GMT");
	}

	@Test
	void respondRawSendsExactlyTheGivenHeadersAndBody() {
		this.emulator.faults()
			.next(EmulatorOperation.RETRIEVE, 1)
			.respondRaw(502, Map.of("Content-Type", "text/html"), "<html>Bad gateway</html>");
		HttpResponse<String> response = this.http.get("/api/v1/images/2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f",
				this.emulator.serverKey());
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
		assertThat(response.body()).isEqualTo("<html>Bad gateway</html>");
	}

	@Test
	void respondRawCanSendMalformedJsonWithSuccessStatus() {
		this.emulator.faults()
			.next(EmulatorOperation.STANDARD_UPLOAD, 1)
			.respondRaw(200, Map.of("Content-Type", "application/json"), "{\"image\":");
		HttpResponse<String> response = upload();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"image\":");
		assertThat(this.emulator.state().images()).isEmpty();
	}

	@Test
	void stallOutlastsTheClientTimeout() {
		this.emulator.faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofSeconds(30));
		HttpRequest request = this.http.request("/api/v1/images/", this.emulator.serverKey())
			.timeout(Duration.ofMillis(300))
			.GET()
			.build();
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> this.http.sendOrThrow(request));
		assertThat(this.emulator.faults().injected(EmulatorOperation.LIST)).isEqualTo(1);
	}

	@Test
	void stalledRequestIsProcessedNormallyAfterwards() {
		this.emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).stall(Duration.ofMillis(50));
		assertThat(upload().statusCode()).isEqualTo(200);
		assertThat(this.emulator.state().images()).hasSize(1);
	}

	@Test
	void resetConnectionFailsTheRequestWithoutRunningIt() {
		this.emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).resetConnection();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.http.sendOrThrow(uploadRequest()));
		assertThat(this.emulator.state().images()).isEmpty();
		assertThat(this.emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(1);
		assertThat(upload().statusCode()).isEqualTo(200);
	}

	@Test
	void loseResponseRunsTheOperationButNeverAnswers() {
		this.emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).loseResponse();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.http.sendOrThrow(uploadRequest()));
		assertThat(this.emulator.state().images()).singleElement()
			.extracting(EmulatedImage::idempotencyKey)
			.isEqualTo("k1");
		String retried = TestHttp.json(upload()).get("image").get("id").stringValue();
		assertThat(retried).isEqualTo(this.emulator.state().images().get(0).id().toString());
	}

	@Test
	void truncateBodyRunsTheOperationAndCutsTheResponse() {
		this.emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).truncateBody();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.http.sendOrThrow(uploadRequest()));
		assertThat(this.emulator.state().images()).hasSize(1);
	}

	@Test
	void overrideHeadersReplacesHeadersOfARealResponse() {
		this.http.upload("a.png", "image/png", TestImages.png(2, 2));
		this.emulator.faults()
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
	void faultsForOneOperationAreServedInRegistrationOrder() {
		this.emulator.faults()
			.next(EmulatorOperation.LIST, 1)
			.respondWith(500)
			.next(EmulatorOperation.LIST, 1)
			.respondWith(502);
		assertThat(list().statusCode()).isEqualTo(500);
		assertThat(list().statusCode()).isEqualTo(502);
		assertThat(list().statusCode()).isEqualTo(200);
		assertThat(this.emulator.faults().injectedTotal()).isEqualTo(2);
	}

	@Test
	void faultCountIsExactUnderConcurrentRequests() {
		this.emulator.faults().next(EmulatorOperation.LIST, 10).respondWith(503);
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			responses.add(this.http.client()
				.sendAsync(this.http.request("/api/v1/images/", this.emulator.serverKey()).GET().build(),
						HttpResponse.BodyHandlers.ofString()));
		}
		long faulted = responses.stream().map(CompletableFuture::join).filter((r) -> r.statusCode() == 503).count();
		assertThat(faulted).isEqualTo(10);
		assertThat(this.emulator.faults().injected(EmulatorOperation.LIST)).isEqualTo(10);
		assertThat(this.emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(32);
	}

	@Test
	void faultsApplyBeforeAuthentication() {
		this.emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
		HttpResponse<String> response = this.http.send(this.http.request("/api/v1/images/").GET());
		assertThat(response.statusCode()).isEqualTo(503);
	}

	@Test
	void faultsApplyToPresignedPutsAndTheCdn() {
		this.emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(503);
		String url = this.http.createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}")
			.get("upload_url")
			.stringValue();
		assertThat(this.http.put(url, TestImages.png(2, 2), "image/png").statusCode()).isEqualTo(503);
		assertThat(this.http.put(url, TestImages.png(2, 2), "image/png").statusCode()).isEqualTo(200);
		String cdnUrl = this.emulator.state().images().get(0).id().toString();
		this.emulator.faults().next(EmulatorOperation.CDN, 1).truncateBody();
		String cdn = this.http.retrieve(cdnUrl).get("cdn_url").stringValue();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.http.client()
			.send(this.http.request(cdn).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
		assertThat(this.http.getBytes(cdn).statusCode()).isEqualTo(200);
	}

	@Test
	void clearDropsPendingFaultsButKeepsTheCount() {
		this.emulator.faults().next(EmulatorOperation.LIST, 5).respondWith(503);
		list();
		this.emulator.faults().clear();
		assertThat(list().statusCode()).isEqualTo(200);
		assertThat(this.emulator.faults().injected(EmulatorOperation.LIST)).isEqualTo(1);
	}

	@Test
	void invalidFaultPlansAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.faults().next(EmulatorOperation.LIST, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(42));
	}

	private HttpResponse<String> list() {
		return this.http.get("/api/v1/images/", this.emulator.serverKey());
	}

	private HttpResponse<String> upload() {
		return this.http.postJson("/api/v1/images/standard_upload", this.emulator.serverKey(), UPLOAD);
	}

	private HttpRequest uploadRequest() {
		return this.http.request("/api/v1/images/standard_upload", this.emulator.serverKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(UPLOAD))
			.build();
	}

}
