package dev.imgwire.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.internal.http.ApiExchange;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.state.EmulatedImage;

import static dev.imgwire.client.ErrorMappingTests.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials that travel in a query (upload tokens, presigned URL signatures) reach the
 * server, and nothing above the wire: Spring and Reactor Netty only see a placeholder.
 */
class ConcealedCredentialsTests extends EmulatorTestSupport {

	@Test
	void aTokenUploadReachesTheServerWhileReactorNettyAndObservationsSeeAPlaceholder() {
		List<String> urls = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new UrlRecorder(urls));
		ImgwireImagesClient client = ImgwireImagesClient
			.builder(this.wire.webClientBuilder().observationRegistry(registry),
					settings().withClientKey(emulator.clientKey()))
			.retryPolicy(FAST_RETRIES)
			.build();
		UploadToken token = client.createUploadToken().block(TIMEOUT);

		StandardUpload upload = client.createStandardUpload(StandardUploadRequest.of("t.png"), token.token())
			.block(TIMEOUT);
		Image image = client
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("u.png"))
			.block(TIMEOUT);

		EmulatedImage created = emulator.state().image(upload.image().id()).orElseThrow();
		assertThat(created.uploadTokenId()).isEqualTo(token.id());
		assertThat(emulator.state().storedBytes(image.id())).hasValue(TestImages.png());
		assertThat(this.wire.requests()).extracting(WireRecorder.RecordedRequest::url)
			.anyMatch((url) -> url
				.matches(".*/upload/" + image.id() + "\\?expires=redacted-(\\w{12})&signature=redacted-\\1"))
			.noneMatch((url) -> url.contains(token.token()))
			.noneMatch((url) -> url.matches(".*signature=[0-9a-f]{16,}.*"));
		assertThat(urls).isNotEmpty()
			.noneMatch((url) -> url.contains(token.token()))
			.noneMatch((url) -> url.matches(".*signature=[0-9a-f]{16,}.*"));
	}

	@Test
	void aConnectionThatCarriedAConcealedRequestServesTheNextRequestsNormally() {
		ConnectionProvider single = ConnectionProvider.create("single", 1);
		try {
			ImgwireImagesClient client = ImgwireImagesClient
				.builder(WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(single))),
						settings().withClientKey(emulator.clientKey()))
				.retryPolicy(FAST_RETRIES)
				.build();
			for (int i = 0; i < 3; i++) {
				UploadToken token = client.createUploadToken().block(TIMEOUT);
				StandardUpload upload = client.createStandardUpload(StandardUploadRequest.of("s.png"), token.token())
					.block(TIMEOUT);
				assertThat(emulator.state().image(upload.image().id()).orElseThrow().uploadTokenId())
					.isEqualTo(token.id());
				Image image = client
					.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("s.png"))
					.block(TIMEOUT);
				Page<Image> page = client.list(1, 100).block(TIMEOUT);
				assertThat(page.items()).extracting(Image::id).contains(image.id());
			}
		}
		finally {
			single.disposeLater().block(TIMEOUT);
		}
	}

	@Test
	void withAConnectorThatCannotConcealTheRealQueryIsSentAndTheUploadWorks() {
		ImgwireImagesClient client = ImgwireImagesClient
			.builder(WebClient.builder().clientConnector(new JdkClientHttpConnector()),
					settings().withClientKey(emulator.clientKey()))
			.retryPolicy(FAST_RETRIES)
			.build();
		for (int i = 0; i < 2; i++) {
			UploadToken token = client.createUploadToken().block(TIMEOUT);
			StandardUpload upload = client.createStandardUpload(StandardUploadRequest.of("j.png"), token.token())
				.block(TIMEOUT);
			assertThat(emulator.state().image(upload.image().id()).orElseThrow().uploadTokenId()).isEqualTo(token.id());
		}
		// The refused attempt never reached the server.
		assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(2);
	}

	@Test
	void withAConnectorThatCannotConcealOneWarningNamesTheConnectorAndNotTheQuery() {
		List<LogRecord> records = new CopyOnWriteArrayList<>();
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		// Held in a local so that the logger and its handler outlive the test.
		Logger logger = Logger.getLogger(ApiExchange.class.getName());
		logger.addHandler(handler);
		try {
			ImgwireImagesClient client = ImgwireImagesClient
				.builder(WebClient.builder().clientConnector(new JdkClientHttpConnector()),
						settings().withClientKey(emulator.clientKey()))
				.retryPolicy(FAST_RETRIES)
				.build();
			List<String> tokens = new CopyOnWriteArrayList<>();
			for (int i = 0; i < 2; i++) {
				UploadToken token = client.createUploadToken().block(TIMEOUT);
				tokens.add(token.token());
				client.createStandardUpload(StandardUploadRequest.of("w.png"), token.token()).block(TIMEOUT);
			}
			client.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("w.png"))
				.block(TIMEOUT);

			assertThat(records).filteredOn((record) -> record.getLevel() == Level.WARNING)
				.singleElement()
				.satisfies((record) -> assertThat(record.getMessage()).contains("JdkClientHttpRequest")
					.contains("DEBUG logs")
					.contains("http.url")
					.doesNotContain(tokens.get(0))
					.doesNotContain("upload_token=")
					.doesNotContain("signature="));
		}
		finally {
			logger.removeHandler(handler);
		}
	}

	@Test
	void aSignatureThatTheObjectStoreEchoesInItsErrorIsRedacted() {
		// Once the API has answered with the presigned URL, make the object store refuse
		// it S3-style, echoing the signature.
		Pattern signaturePattern = Pattern.compile("signature=([0-9a-f]{16,})");
		List<String> signatures = new CopyOnWriteArrayList<>();
		ExchangeFilterFunction echoSignature = (request, next) -> next.exchange(request).flatMap((response) -> {
			if (!request.url().getPath().endsWith("/standard_upload")) {
				return Mono.just(response);
			}
			return response.bodyToMono(String.class).map((body) -> {
				Matcher matcher = signaturePattern.matcher(body);
				assertThat(matcher.find()).isTrue();
				signatures.add(matcher.group(1));
				emulator.faults()
					.next(EmulatorOperation.PRESIGNED_PUT, 1)
					.respondRaw(403, Map.of("Content-Type", "application/xml"),
							"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code>"
									+ "<SignatureProvided>" + matcher.group(1) + "</SignatureProvided></Error>");
				return response.mutate().body(body).build();
			});
		});
		ImgwireImagesClient client = ImgwireImagesClient
			.builder(this.wire.webClientBuilder().filter(echoSignature), settings())
			.retryPolicy(FAST_RETRIES)
			.build();

		ImgwireApiException ex = failure(
				client.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("e.png")),
				ImgwireApiException.class);

		assertThat(signatures).singleElement();
		assertThat(ex.getStatusCode()).isEqualTo(403);
		assertThat(ex.getDetail()).contains("SignatureDoesNotMatch")
			.contains("<SignatureProvided><redacted></SignatureProvided>");
		assertThat(ex.getMessage()).doesNotContain(signatures.get(0));
		assertThat(ex.toString()).doesNotContain(signatures.get(0));
	}

	@Test
	void waitingForAPooledConnectionIsNoWaitForAResponse() {
		// One connection, seven requests: the last waits for six answers that each take
		// a third of the response timeout, so twice the timeout in total. Both margins
		// are seconds wide, so that a starved CPU cannot flip the outcome.
		ConnectionProvider single = ConnectionProvider.builder("single")
			.maxConnections(1)
			.pendingAcquireMaxCount(16)
			.build();
		try {
			ImgwireImagesClient client = ImgwireImagesClient
				.builder(WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(single))),
						settings())
				.retryPolicy(dev.imgwire.client.retry.ImgwireRetryPolicy.disabled())
				.responseTimeout(Duration.ofSeconds(3))
				.build();
			emulator.faults().next(EmulatorOperation.LIST, 6).stall(Duration.ofSeconds(1));

			List<Page<Image>> pages = Flux.range(0, 7)
				.flatMap((i) -> client.list(1, 10), 7)
				.collectList()
				.block(TIMEOUT);

			assertThat(pages).hasSize(7);
			assertThat(emulator.faults().injected(EmulatorOperation.LIST)).isEqualTo(6);
		}
		finally {
			single.disposeLater().block(TIMEOUT);
		}
	}

	/**
	 * Keeps the {@code http.url} of every {@code http.client.requests} observation.
	 */
	private record UrlRecorder(List<String> urls) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStop(Observation.Context context) {
			for (KeyValue keyValue : context.getAllKeyValues()) {
				if (keyValue.getKey().equals("http.url")) {
					this.urls.add(keyValue.getValue());
				}
			}
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
