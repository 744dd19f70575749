package dev.imgwire.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.state.EmulatedImage;

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
		Image image = client.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("u.png"))
			.block(TIMEOUT);

		EmulatedImage created = emulator.state().image(upload.image().id()).orElseThrow();
		assertThat(created.uploadTokenId()).isEqualTo(token.id());
		assertThat(emulator.state().storedBytes(image.id())).hasValue(TestImages.png());
		assertThat(this.wire.requests()).extracting(WireRecorder.RecordedRequest::url)
			.anyMatch((url) -> url.matches(".*/upload/" + image.id() + "\\?expires=redacted-(\\w{12})&signature=redacted-\\1"))
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
	void waitingForAPooledConnectionIsNoWaitForAResponse() {
		// One connection, three requests: the last waits for two answers that each take
		// most of the response timeout, so longer than the timeout in total.
		ConnectionProvider single = ConnectionProvider.create("single", 1);
		try {
			ImgwireImagesClient client = ImgwireImagesClient
				.builder(WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(single))),
						settings())
				.retryPolicy(dev.imgwire.client.retry.ImgwireRetryPolicy.disabled())
				.responseTimeout(Duration.ofMillis(600))
				.build();
			emulator.faults().next(EmulatorOperation.LIST, 2).stall(Duration.ofMillis(400));

			List<Page<Image>> pages = Flux.range(0, 3).flatMap((i) -> client.list(1, 10), 3).collectList().block(TIMEOUT);

			assertThat(pages).hasSize(3);
			assertThat(emulator.faults().injected(EmulatorOperation.LIST)).isEqualTo(2);
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
