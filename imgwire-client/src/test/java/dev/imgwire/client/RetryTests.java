package dev.imgwire.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireUploadException;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwireRateLimitException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.UploadViaUrlRequest;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.client.retry.ImgwireRetryPolicy;
import dev.imgwire.client.retry.ImgwireRetryStrategy;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.state.EmulatedImage;

import static dev.imgwire.client.ErrorMappingTests.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are retried, how long the client waits, and what the caller sees when it
 * gives up. Waits are asserted through the retry observations, never by the clock.
 */
class RetryTests extends EmulatorTestSupport {

	private final RecordedObservations observations = new RecordedObservations();

	@Test
	void aServiceUnavailableIsRetriedAndThenSucceeds() {
		Image image = uploadPng(client(), "a.png");
		emulator.faults().next(EmulatorOperation.RETRIEVE, 1).respondWith(503);
		long before = retrieves();

		Image retrieved = client().retrieve(image.id().toString()).block(TIMEOUT);

		assertThat(retrieved.id()).isEqualTo(image.id());
		assertThat(retrieves() - before).isEqualTo(2);
	}

	@Test
	void retryAfterIsHonouredExactlyWhenItIsWithinTheMaximumDelay() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, Duration.ofSeconds(1));
		ImgwireImagesClient client = observedClient(ImgwireRetryPolicy.defaults().withMaxDelay(Duration.ofSeconds(30)));

		client.list(1, 10).block(TIMEOUT);

		assertThat(retryContexts()).singleElement().satisfies((retry) -> {
			assertThat(retry.getRetryDelay()).isEqualTo(Duration.ofSeconds(1));
			assertThat(retry.getRetryReason()).isEqualTo("rate_limited");
		});
	}

	@Test
	void retryAfterIsCappedByTheMaximumDelay() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, Duration.ofHours(1));
		ImgwireImagesClient client = observedClient(FAST_RETRIES);

		client.list(1, 10).block(TIMEOUT);

		assertThat(retryContexts()).singleElement()
			.satisfies((retry) -> assertThat(retry.getRetryDelay()).isEqualTo(Duration.ofMillis(20)));
	}

	@Test
	void aRetryAfterDateInThePastMeansRetryAtOnce() {
		String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().minusMinutes(5));
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503, past);
		ImgwireImagesClient client = observedClient(FAST_RETRIES);

		client.list(1, 10).block(TIMEOUT);

		assertThat(retryContexts()).singleElement().satisfies((retry) -> assertThat(retry.getRetryDelay()).isZero());
	}

	@Test
	void withoutRetryAfterTheBackOffGrowsExponentiallyWithinTheJitter() {
		emulator.faults().next(EmulatorOperation.LIST, 2).respondWith(500);
		ImgwireRetryPolicy policy = new ImgwireRetryPolicy(true, 2, Duration.ofMillis(40), Duration.ofSeconds(1), 0.5);
		ImgwireImagesClient client = observedClient(policy);

		client.list(1, 10).block(TIMEOUT);

		List<ImgwireClientObservationContext> retries = retryContexts();
		assertThat(retries).hasSize(2);
		assertThat(retries.get(0).getRetryDelay()).isBetween(Duration.ofMillis(20), Duration.ofMillis(40));
		assertThat(retries.get(1).getRetryDelay()).isBetween(Duration.ofMillis(40), Duration.ofMillis(80));
	}

	@ParameterizedTest(name = "HTTP {0} is not retried")
	@ValueSource(ints = { 400, 401, 403, 404, 409, 422 })
	void clientErrorsAreNeverRetried(int status) {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(status);

		ImgwireApiException ex = failure(client().list(1, 10), ImgwireApiException.class);

		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(1);
	}

	@ParameterizedTest(name = "HTTP {0} is retried")
	@ValueSource(ints = { 408, 429, 500, 502, 503, 504 })
	void transientStatusesAreRetried(int status) {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(status);

		client().list(1, 10).block(TIMEOUT);

		assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(2);
	}

	@Test
	void aResetConnectionIsRetried() {
		emulator.faults().next(EmulatorOperation.LIST, 1).resetConnection();

		client().list(1, 10).block(TIMEOUT);

		assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(2);
	}

	@Test
	void aResponseTimeoutIsRetriedWithAFreshTimeout() {
		emulator.faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofSeconds(5));
		ImgwireImagesClient client = clientBuilder().responseTimeout(Duration.ofMillis(300)).build();

		client.list(1, 10).block(TIMEOUT);

		assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(2);
	}

	@Test
	void aCreateWhoseAnswerWasLostIsRetriedWithTheSameKeyAndLeavesOneImage() {
		emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).loseResponse();

		StandardUpload upload = client().createStandardUpload(StandardUploadRequest.of("once.png")).block(TIMEOUT);

		assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(2);
		assertThat(emulator.state().images()).extracting(EmulatedImage::id).containsExactly(upload.image().id());
	}

	@Test
	void anUploadWhoseCreateAnswerWasLostStillUploadsOneImage() {
		emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).loseResponse();

		Image image = client()
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("x.png"))
			.block(TIMEOUT);

		assertThat(emulator.state().images()).extracting(EmulatedImage::id).containsExactly(image.id());
		assertThat(emulator.state().storedBytes(image.id())).hasValue(TestImages.png());
	}

	@Test
	void anUploadWhosePutAnswerWasLostCompletesWithTheBytesStoredOnce() {
		emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).loseResponse();

		Image image = client()
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("x.png"))
			.block(TIMEOUT);

		assertThat(emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(2);
		assertThat(emulator.state().images()).extracting(EmulatedImage::id).containsExactly(image.id());
		assertThat(emulator.state().storedBytes(image.id())).hasValue(TestImages.png());
	}

	@Test
	void aConflictOnARetriedPutWhoseBytesNeverArrivedFailsNamingTheImage() {
		emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(503);
		emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(409);

		ImgwireUploadException ex = failure(client().upload(UploadSource.fromBytes(TestImages.png()),
				UploadOptions.defaults().withFileName("x.png")), ImgwireUploadException.class);

		EmulatedImage image = emulator.state().images().get(0);
		assertThat(image.status()).isEqualTo("PENDING");
		assertThat(ex.getImageId()).isEqualTo(image.id().toString());
		assertThat(ex).hasMessageContaining("image " + image.id()).hasMessageContaining("did not arrive");
		assertThat(emulator.state().requestCount(EmulatorOperation.RETRIEVE)).isEqualTo(1);
	}

	@Test
	void aConflictOnTheFirstPutIsNotMistakenForADeliveredUpload() {
		emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(409);

		ImgwireApiException ex = failure(client().upload(UploadSource.fromBytes(TestImages.png()),
				UploadOptions.defaults().withFileName("x.png")), ImgwireApiException.class);

		assertThat(ex.getStatusCode()).isEqualTo(409);
		assertThat(ex.getAttempts()).isEqualTo(1);
	}

	@Test
	void anUploadViaUrlWhoseAnswerWasLostLeavesOneImage() {
		Image source = uploadPng(client(), "remote.png");
		emulator.faults().next(EmulatorOperation.UPLOAD_VIA_URL, 1).loseResponse();

		Image copy = client().uploadViaUrl(UploadViaUrlRequest.of(source.cdnUrl())).block(TIMEOUT);

		assertThat(emulator.state().images()).extracting(EmulatedImage::id)
			.containsExactlyInAnyOrder(source.id(), copy.id());
	}

	@Test
	void aDeleteWhoseAnswerWasLostSucceedsAlthoughTheRetryFindsTheImageGone() {
		Image image = uploadPng(client(), "gone.png");
		emulator.faults().next(EmulatorOperation.DELETE, 1).loseResponse();

		Map<String, String> answer = client().delete(image.id().toString()).block(TIMEOUT);

		assertThat(answer).isEmpty();
		assertThat(emulator.state().requestCount(EmulatorOperation.DELETE)).isEqualTo(2);
		assertThat(emulator.state().images()).isEmpty();
	}

	@Test
	void aBulkDeleteWhoseAnswerWasLostSucceedsAlthoughTheRetryFindsTheImagesGone() {
		Image first = uploadPng(client(), "first.png");
		Image second = uploadPng(client(), "second.png");
		emulator.faults().next(EmulatorOperation.BULK_DELETE, 1).loseResponse();

		Map<String, String> answer = client().bulkDelete(List.of(first.id().toString(), second.id().toString()))
			.block(TIMEOUT);

		assertThat(answer).isEmpty();
		assertThat(emulator.state().requestCount(EmulatorOperation.BULK_DELETE)).isEqualTo(2);
		assertThat(emulator.state().images()).isEmpty();
	}

	@Test
	void aNotFoundOnTheFirstDeleteAttemptIsStillAFailure() {
		ImgwireNotFoundException ex = failure(client().delete(UUID.randomUUID().toString()),
				ImgwireNotFoundException.class);

		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(emulator.state().requestCount(EmulatorOperation.DELETE)).isEqualTo(1);
	}

	@Test
	void aNotFoundOnTheFirstBulkDeleteAttemptIsStillAFailure() {
		ImgwireNotFoundException ex = failure(client().bulkDelete(List.of(UUID.randomUUID().toString())),
				ImgwireNotFoundException.class);

		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(emulator.state().requestCount(EmulatorOperation.BULK_DELETE)).isEqualTo(1);
	}

	@Test
	void whenRetriesRunOutTheLastRealExceptionArrivesWithItsAttemptCount() {
		emulator.faults().next(EmulatorOperation.LIST, 3).respondWith(503);

		ImgwireServerException ex = failure(client().list(1, 10), ImgwireServerException.class);

		assertThat(ex.getStatusCode()).isEqualTo(503);
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(3);
	}

	@Test
	void aRetryThatMeetsANonRetryableErrorStopsThereWithTheAttemptsSoFar() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(404);

		ImgwireApiException ex = failure(client().list(1, 10), ImgwireApiException.class);

		assertThat(ex.getStatusCode()).isEqualTo(404);
		assertThat(ex.getAttempts()).isEqualTo(2);
	}

	@Test
	void uploadTokenCreationIsNeverRetried() {
		emulator.faults().next(EmulatorOperation.CREATE_UPLOAD_TOKEN, 1).respondWith(503);

		failure(client().createUploadToken(), ImgwireServerException.class);

		assertThat(emulator.state().requestCount(EmulatorOperation.CREATE_UPLOAD_TOKEN)).isEqualTo(1);
	}

	@Test
	void downloadJobCreationIsNeverRetried() {
		emulator.faults().next(EmulatorOperation.CREATE_DOWNLOAD_JOB, 1).resetConnection();

		failure(client().createDownloadJob(List.of(UUID.randomUUID().toString())), ImgwireTransportException.class);

		assertThat(emulator.state().requestCount(EmulatorOperation.CREATE_DOWNLOAD_JOB)).isEqualTo(1);
	}

	@Test
	void bulkDeleteIsRetriedAsIdempotent() {
		Image image = uploadPng(client(), "bulk.png");
		emulator.faults().next(EmulatorOperation.BULK_DELETE, 1).respondWith(502);

		client().bulkDelete(List.of(image.id().toString())).block(TIMEOUT);

		assertThat(emulator.state().requestCount(EmulatorOperation.BULK_DELETE)).isEqualTo(2);
		assertThat(emulator.state().images()).isEmpty();
	}

	@Test
	void aDisabledPolicyNeverRetries() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);

		failure(clientBuilder().retryPolicy(ImgwireRetryPolicy.disabled()).build().list(1, 10),
				ImgwireServerException.class);

		assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(1);
	}

	@Test
	void aTimeoutThatPersistsSurfacesAsATimeoutAfterAllAttempts() {
		emulator.faults().next(EmulatorOperation.LIST, 2).stall(Duration.ofSeconds(5));
		ImgwireImagesClient client = clientBuilder().retryPolicy(FAST_RETRIES.withMaxRetries(1))
			.responseTimeout(Duration.ofMillis(200))
			.build();

		ImgwireTimeoutException ex = failure(client.list(1, 10), ImgwireTimeoutException.class);

		assertThat(ex.getAttempts()).isEqualTo(2);
	}

	@Test
	void everyRequestPassesThroughTheRetryStrategyExactlyOnce() {
		List<ImgwireOperation> seen = new CopyOnWriteArrayList<>();
		ImgwireRetryStrategy recording = new ImgwireRetryStrategy() {

			@Override
			public <T> Mono<T> apply(ImgwireOperation operation, Mono<T> attempt) {
				seen.add(operation);
				return attempt;
			}

		};
		ImgwireImagesClient client = clientBuilder().retryStrategy(recording).build();

		Image image = client
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("s.png"))
			.block(TIMEOUT);
		client.list(1, 5).block(TIMEOUT);
		client.createUploadToken().block(TIMEOUT);
		client.delete(image.id().toString()).block(TIMEOUT);

		assertThat(seen).containsExactly(ImgwireOperation.CREATE, ImgwireOperation.PUT_BYTES, ImgwireOperation.RETRIEVE,
				ImgwireOperation.LIST, ImgwireOperation.CREATE_UPLOAD_TOKEN, ImgwireOperation.DELETE);
	}

	@Test
	void aCustomStrategyReplacesThePolicy() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
		ImgwireRetryStrategy never = ImgwireRetryStrategy.NONE;

		failure(clientBuilder().retryPolicy(FAST_RETRIES.withMaxRetries(5)).retryStrategy(never).build().list(1, 10),
				ImgwireServerException.class);

		assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(1);
	}

	@Test
	void aRateLimitThatPersistsSurfacesAsARateLimit() {
		emulator.faults().next(EmulatorOperation.LIST, 3).respondWith(429, Duration.ofMillis(1));

		ImgwireRateLimitException ex = failure(client().list(1, 10), ImgwireRateLimitException.class);

		assertThat(ex.getAttempts()).isEqualTo(3);
	}

	private ImgwireImagesClient observedClient(ImgwireRetryPolicy policy) {
		return clientBuilder().retryPolicy(policy).observationRegistry(this.observations.registry()).build();
	}

	private List<ImgwireClientObservationContext> retryContexts() {
		return this.observations.retries();
	}

	private long retrieves() {
		return emulator.state().requestCount(EmulatorOperation.RETRIEVE);
	}

}
