package dev.imgwire.client;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.cors.ImgwireCorsOriginsClient;
import dev.imgwire.client.domain.ImgwireCustomDomainClient;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwireProcessingException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.metrics.ImgwireMetricsClient;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.client.retry.ImgwireRetryPolicy;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What {@link ImgwireTemplate} adds to the reactive client it wraps: bounded waits,
 * unwrapped exceptions, refusal of threads that must not block, and observations that
 * belong to the caller's.
 */
@Timeout(60)
class ImgwireTemplateTests extends EmulatorTestSupport {

	private final CountDownLatch cancelledRequests = new CountDownLatch(1);

	private ImgwireClientBuilder<ImgwireClient> builder() {
		ExchangeFilterFunction recordCancel = (request, next) -> next.exchange(request)
			.doOnCancel(this.cancelledRequests::countDown);
		return ImgwireClient.builder(this.wire.webClientBuilder().filter(recordCancel), settings())
			.retryPolicy(FAST_RETRIES)
			.pollInterval(Duration.ofMillis(20));
	}

	private ImgwireTemplate template() {
		return new ImgwireTemplate(builder().build(), TIMEOUT);
	}

	@Nested
	class Exceptions {

		@Test
		void anInvalidArgumentThrowsTheValidationExceptionAndSendsNothing() {
			ImgwireImagesTemplate images = template().images();

			assertThatExceptionOfType(ImgwireRequestValidationException.class)
				.isThrownBy(() -> images.retrieve("not-a-uuid"))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("image_id"));
			assertThatExceptionOfType(ImgwireRequestValidationException.class).isThrownBy(() -> images.list(0, 10))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("page"));
			assertThatExceptionOfType(ImgwireRequestValidationException.class)
				.isThrownBy(() -> images.upload(UploadSource.fromBytes(new byte[0]), UploadOptions.defaults()));
			assertThat(emulator.state().totalRequests()).isZero();
		}

		@Test
		void anUnknownImageThrowsNotFoundWithTheWaitingCallersStackSuppressed() {
			String id = UUID.randomUUID().toString();

			assertThatExceptionOfType(ImgwireNotFoundException.class).isThrownBy(() -> template().images().retrieve(id))
				.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement().satisfies((callSite) -> {
					assertThat(callSite).hasMessage("ImgwireTemplate waited for images.retrieve here");
					assertThat(Arrays.stream(callSite.getStackTrace()).map(StackTraceElement::getMethodName))
						.contains("anUnknownImageThrowsNotFoundWithTheWaitingCallersStackSuppressed");
				}));
		}

		@Test
		void aFailureThatPassesIsRetriedAsByTheReactiveClient() {
			Image image = uploadPng(client(), "retried.png");
			long retrievesBefore = emulator.state().requestCount(EmulatorOperation.RETRIEVE);
			emulator.faults().next(EmulatorOperation.RETRIEVE, 1).respondWith(503);

			Image retrieved = template().images().retrieve(image.id().toString());

			assertThat(retrieved.id()).isEqualTo(image.id());
			assertThat(emulator.state().requestCount(EmulatorOperation.RETRIEVE)).isEqualTo(retrievesBefore + 2);
		}

	}

	@Nested
	class Deadlines {

		@Test
		void aCallThatOutlastsTheBlockTimeoutIsCancelledAndSaysWhichDeadlineElapsed() throws InterruptedException {
			emulator.faults().next(EmulatorOperation.RETRIEVE, 1).stall(Duration.ofMinutes(1));
			ImgwireTemplate template = new ImgwireTemplate(builder().build(), Duration.ofMillis(300));
			String id = UUID.randomUUID().toString();

			assertThatExceptionOfType(ImgwireTimeoutException.class).isThrownBy(() -> template.images().retrieve(id))
				.withMessage("GET /api/v1/images/{image_id} failed: images.retrieve did not finish within the block "
						+ "timeout of 300ms (ImgwireTemplate blockTimeout, imgwire.block-timeout); it was cancelled")
				.withCauseInstanceOf(TimeoutException.class);
			assertThat(ImgwireTemplateTests.this.cancelledRequests.await(10, TimeUnit.SECONDS)).isTrue();
		}

		@Test
		void anUploadThatOutlastsTheBlockTimeoutNamesItsFirstRequest() {
			emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).stall(Duration.ofMinutes(1));
			ImgwireTemplate template = new ImgwireTemplate(builder().build(), Duration.ofMillis(500));

			assertThatExceptionOfType(ImgwireTimeoutException.class).isThrownBy(() -> template.images()
				.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("slow.png")))
				.withMessageStartingWith("POST /api/v1/images/standard_upload failed: images.upload did not finish "
						+ "within the block timeout of 500ms");
		}

		@Test
		void aResponseTimeoutShorterThanTheBlockTimeoutIsTheOneThatReports() {
			emulator.faults().next(EmulatorOperation.RETRIEVE, 1).stall(Duration.ofMinutes(1));
			ImgwireClient client = builder().retryPolicy(ImgwireRetryPolicy.disabled())
				.responseTimeout(Duration.ofMillis(200))
				.build();
			String id = UUID.randomUUID().toString();

			assertThatExceptionOfType(ImgwireTimeoutException.class)
				.isThrownBy(() -> new ImgwireTemplate(client, TIMEOUT).images().retrieve(id))
				.withMessageContaining("no complete response within the response timeout (200ms)")
				.withMessageNotContaining("block timeout");
		}

		@Test
		void anAwaitBlocksForItsOwnTimeoutPlusTheBlockTimeoutSoItsOwnDeadlineReports() {
			emulator.faults().next(EmulatorOperation.RETRIEVE, 1).stall(Duration.ofMinutes(1));
			ImgwireTemplate template = new ImgwireTemplate(builder().build(), Duration.ofMillis(100));
			String id = UUID.randomUUID().toString();

			assertThatExceptionOfType(ImgwireProcessingException.class)
				.isThrownBy(() -> template.images().awaitReady(id, Duration.ofMillis(500)))
				.withMessageContaining("was not READY within PT0.5S");
		}

		@Test
		void theDefaultBlockTimeoutIsTheLongestCallTheClientsOwnDeadlinesAllow() {
			ImgwireClient defaults = ImgwireClient.builder(WebClient.builder(), settings()).build();
			ImgwireClient tight = ImgwireClient.builder(WebClient.builder(), settings())
				.retryPolicy(ImgwireRetryPolicy.disabled())
				.responseTimeout(Duration.ofSeconds(1))
				.uploadTimeout(Duration.ofSeconds(2))
				.readyTimeout(Duration.ofSeconds(3))
				.build();
			ImgwireClient threeRetries = ImgwireClient.builder(WebClient.builder(), settings())
				.retryPolicy(ImgwireRetryPolicy.defaults().withMaxRetries(3).withMaxDelay(Duration.ofSeconds(1)))
				.responseTimeout(Duration.ofSeconds(1))
				.uploadTimeout(Duration.ofSeconds(2))
				.readyTimeout(Duration.ofSeconds(3))
				.build();

			assertThat(new ImgwireTemplate(defaults).blockTimeout()).isEqualTo(Duration.ofMinutes(37));
			assertThat(new ImgwireTemplate(tight).blockTimeout()).isEqualTo(Duration.ofSeconds(2 * 1 + 2 + 3));
			// request = 4 x 1s + 3 x 1s, put = 4 x 2s + 3 x 1s
			assertThat(new ImgwireTemplate(threeRetries).blockTimeout()).isEqualTo(Duration.ofSeconds(2 * 7 + 11 + 3));
		}

		@Test
		void aClientNotBuiltByTheBuilderGetsTheDefaultsLongestCall() {
			ImgwireClient built = ImgwireClient.builder(WebClient.builder(), settings()).build();
			ImgwireClient decorated = new ImgwireClient() {

				@Override
				public ImgwireImagesClient images() {
					return built.images();
				}

				@Override
				public ImgwireCorsOriginsClient corsOrigins() {
					return built.corsOrigins();
				}

				@Override
				public ImgwireCustomDomainClient customDomain() {
					return built.customDomain();
				}

				@Override
				public ImgwireMetricsClient metrics() {
					return built.metrics();
				}

			};

			assertThat(new ImgwireTemplate(decorated).blockTimeout()).isEqualTo(Duration.ofMinutes(37));
		}

		@Test
		void aBlockTimeoutMustBePositive() {
			ImgwireClient client = builder().build();

			assertThatIllegalArgumentException().isThrownBy(() -> new ImgwireTemplate(client, Duration.ZERO))
				.withMessage("blockTimeout: must be a positive duration");
			assertThatIllegalArgumentException().isThrownBy(() -> new ImgwireTemplate(client, Duration.ofSeconds(-1)));
			assertThatIllegalArgumentException().isThrownBy(() -> new ImgwireTemplate(client, null));
		}

	}

	@Nested
	class Threads {

		@Test
		void aCallOnAThreadThatMustNotBlockFailsAtOnceAndSendsNothing() {
			ImgwireTemplate template = template();

			Mono<Page<Image>> onParallel = Mono.fromCallable(() -> template.images().list(1, 10))
				.subscribeOn(Schedulers.parallel());

			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> onParallel.block(TIMEOUT))
				.withMessageContaining("ImgwireTemplate blocks, and thread parallel-")
				.withMessageContaining("call images.list through the reactive ImgwireClient there instead");
			assertThat(emulator.state().totalRequests()).isZero();
		}

		@Test
		void aStreamOnAThreadThatMustNotBlockFailsAtOnceAndSendsNothing() {
			ImgwireTemplate template = template();

			Mono<Long> onParallel = Mono.fromCallable(() -> template.images().listAll(10).count())
				.subscribeOn(Schedulers.parallel());

			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> onParallel.block(TIMEOUT))
				.withMessageContaining("reactive ImgwireClient");
			assertThat(emulator.state().totalRequests()).isZero();
		}

		@Test
		void aCallOnAThreadThatMayBlockWorks() {
			ImgwireTemplate template = template();

			Page<Image> page = Mono.fromCallable(() -> template.images().list(1, 10))
				.subscribeOn(Schedulers.boundedElastic())
				.block(TIMEOUT);

			assertThat(page.items()).isEmpty();
		}

	}

	@Nested
	class Observations {

		@Test
		void eachCallIsAChildOfTheCallersCurrentObservation() {
			RecordedObservations observations = new RecordedObservations();
			ImgwireTemplate template = new ImgwireTemplate(
					builder().observationRegistry(observations.registry()).build(), TIMEOUT);
			Observation caller = Observation.start("caller", observations.registry());

			try (Observation.Scope scope = caller.openScope()) {
				template.images().list(1, 10);
				template.images().listAll(10).toList();
			}
			caller.stop();

			assertThat(observations.requests()).hasSize(2)
				.extracting(ImgwireClientObservationContext::getParentObservation)
				.containsOnly(caller);
		}

		@Test
		void withoutACurrentObservationACallIsARootObservation() {
			RecordedObservations observations = new RecordedObservations();

			new ImgwireTemplate(builder().observationRegistry(observations.registry()).build(), TIMEOUT).images()
				.list(1, 10);

			assertThat(observations.requests()).singleElement()
				.satisfies((context) -> assertThat(context.getParentObservation()).isNull());
		}

	}

}
