package dev.imgwire.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.observation.DefaultImgwireClientObservationConvention;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.client.retry.ImgwireRetryPolicy;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;

import static dev.imgwire.client.ErrorMappingTests.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation is one {@code imgwire.client.requests} observation, and every retry one
 * {@code imgwire.client.retries} observation; ids stay high cardinality and secrets stay
 * out.
 */
class ObservationTests extends EmulatorTestSupport {

	private final RecordedObservations observations = new RecordedObservations();

	@Test
	void aRetrieveIsOneObservationWithItsLowAndHighCardinalityKeys() {
		Image image = uploadPng(client(), "seen.png");

		observedClient().retrieve(image.id().toString()).block(TIMEOUT);

		TestObservationRegistryAssert.assertThat(this.observations.registry())
			.hasNumberOfObservationsWithNameEqualTo("imgwire.client.requests", 1)
			.hasObservationWithNameEqualTo("imgwire.client.requests")
			.that()
			.hasContextualNameEqualTo("images.retrieve")
			.hasLowCardinalityKeyValue("imgwire.operation", "images.retrieve")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("status", "200")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("imgwire.image.id", image.id().toString())
			.hasHighCardinalityKeyValue("imgwire.attempts", "1")
			.doesNotHaveLowCardinalityKeyValueWithKey("imgwire.image.id")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void anUploadIsOneObservationWithCreatePutAndRetrieveAsChildren() {
		byte[] png = TestImages.png();

		Image image = observedClient()
			.upload(UploadSource.fromBytes(png), UploadOptions.defaults().withFileName("u.png"))
			.block(TIMEOUT);

		List<ImgwireClientObservationContext> requests = this.observations.requests();
		assertThat(requests).extracting((context) -> context.getOperation().observationName())
			.containsExactlyInAnyOrder("images.upload", "images.create", "images.put", "images.retrieve");
		ImgwireClientObservationContext upload = find(requests, ImgwireOperation.UPLOAD);
		for (ImgwireOperation child : List.of(ImgwireOperation.CREATE, ImgwireOperation.PUT_BYTES,
				ImgwireOperation.RETRIEVE)) {
			assertThat(find(requests, child).getParentObservation().getContextView()).isSameAs(upload);
		}
		assertThat(upload.getParentObservation()).isNull();
		assertThat(find(requests, ImgwireOperation.PUT_BYTES).getUploadedBytes()).isEqualTo(png.length);
		assertThat(upload.getUploadedBytes()).isEqualTo(png.length);
		assertThat(upload.getImageId()).isEqualTo(image.id().toString());
		assertThat(find(requests, ImgwireOperation.PUT_BYTES).getHighCardinalityKeyValue("imgwire.upload.bytes")
			.getValue()).isEqualTo(String.valueOf(png.length));
		assertThat(find(requests, ImgwireOperation.PUT_BYTES).getLowCardinalityKeyValue("status").getValue())
			.isEqualTo("200");
	}

	@Test
	void aNotFoundIsAClientErrorNamedAfterItsException() {
		failure(observedClient().retrieve(UUID.randomUUID().toString()), ImgwireNotFoundException.class);

		TestObservationRegistryAssert.assertThat(this.observations.registry())
			.hasObservationWithNameEqualTo("imgwire.client.requests")
			.that()
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("status", "404")
			.hasLowCardinalityKeyValue("error.type", "ImgwireNotFoundException")
			.hasError();
	}

	@Test
	void aServerErrorThatPersistsIsAServerErrorWithAllItsAttempts() {
		emulator.faults().next(EmulatorOperation.LIST, 3).respondWith(500);

		failure(observedClient().list(1, 10), ImgwireServerException.class);

		ImgwireClientObservationContext list = find(this.observations.requests(), ImgwireOperation.LIST);
		assertThat(list.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SERVER_ERROR");
		assertThat(list.getHighCardinalityKeyValue("imgwire.attempts").getValue()).isEqualTo("3");
		assertThat(this.observations.retries()).hasSize(2);
	}

	@Test
	void aRefusedRequestIsAnInvalidRequestWithoutStatus() {
		failure(observedClient().retrieve("not-a-uuid"), ImgwireRequestValidationException.class);

		TestObservationRegistryAssert.assertThat(this.observations.registry())
			.hasObservationWithNameEqualTo("imgwire.client.requests")
			.that()
			.hasLowCardinalityKeyValue("outcome", "INVALID_REQUEST")
			.hasLowCardinalityKeyValue("status", "NONE")
			.hasLowCardinalityKeyValue("error.type", "ImgwireRequestValidationException")
			.doesNotHaveHighCardinalityKeyValueWithKey("imgwire.image.id");
	}

	@Test
	void aLostConnectionIsATransportError() {
		emulator.faults().next(EmulatorOperation.LIST, 1).resetConnection();
		ImgwireImagesClient client = clientBuilder().retryPolicy(ImgwireRetryPolicy.disabled())
			.observationRegistry(this.observations.registry())
			.build();

		failure(client.list(1, 10), ImgwireTransportException.class);

		TestObservationRegistryAssert.assertThat(this.observations.registry())
			.hasObservationWithNameEqualTo("imgwire.client.requests")
			.that()
			.hasLowCardinalityKeyValue("outcome", "TRANSPORT_ERROR")
			.hasLowCardinalityKeyValue("status", "NONE");
	}

	@Test
	void eachRetryIsAChildObservationWithItsReason() {
		Image image = uploadPng(client(), "retry.png");
		emulator.faults().next(EmulatorOperation.RETRIEVE, 1).respondWith(503);

		observedClient().retrieve(image.id().toString()).block(TIMEOUT);

		ImgwireClientObservationContext retry = this.observations.retries().get(0);
		ImgwireClientObservationContext retrieve = find(this.observations.requests(), ImgwireOperation.RETRIEVE);
		assertThat(this.observations.retries()).hasSize(1);
		assertThat(retry.getName()).isEqualTo("imgwire.client.retries");
		assertThat(retry.getParentObservation().getContextView()).isSameAs(retrieve);
		assertThat(retry.getLowCardinalityKeyValue("imgwire.retry.reason").getValue()).isEqualTo("server_error");
		assertThat(retry.getLowCardinalityKeyValue("imgwire.operation").getValue()).isEqualTo("images.retrieve");
		assertThat(retry.getLowCardinalityKeyValue("status").getValue()).isEqualTo("503");
		assertThat(retry.getLowCardinalityKeyValue("error.type").getValue()).isEqualTo("ImgwireServerException");
		assertThat(retry.getHighCardinalityKeyValue("imgwire.image.id").getValue()).isEqualTo(image.id().toString());
		assertThat(retry.getHighCardinalityKeyValue("imgwire.attempts").getValue()).isEqualTo("1");
		assertThat(retrieve.getHighCardinalityKeyValue("imgwire.attempts").getValue()).isEqualTo("2");
		assertThat(retrieve.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SUCCESS");
	}

	@Test
	void retriesAfterRateLimitsAndResetsNameTheirReason() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, Duration.ZERO);
		emulator.faults().next(EmulatorOperation.LIST, 1).resetConnection();
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(408);
		ImgwireImagesClient client = clientBuilder().retryPolicy(FAST_RETRIES.withMaxRetries(3))
			.observationRegistry(this.observations.registry())
			.build();

		client.list(1, 10).block(TIMEOUT);

		assertThat(this.observations.retries()).extracting((retry) -> retry.getRetryReason())
			.containsExactly("rate_limited", "connection_error", "request_timeout");
	}

	@Test
	void noLowCardinalityValueCarriesAnIdAKeyOrAToken() {
		ImgwireImagesClient client = clientBuilder(settings().withClientKey(emulator.clientKey()))
			.observationRegistry(this.observations.registry())
			.build();
		Image image = client
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("k.png"))
			.block(TIMEOUT);
		UploadToken token = client.createUploadToken().block(TIMEOUT);
		emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).respondWith(503);
		String tokenImage = client.createStandardUpload(StandardUploadRequest.of("t.png"), token.token())
			.block(TIMEOUT)
			.image()
			.id()
			.toString();
		client.delete(image.id().toString()).block(TIMEOUT);

		List<String> secrets = List.of(image.id().toString(), tokenImage, emulator.serverKey(), emulator.clientKey(),
				token.token(), token.id().toString());
		List<KeyValue> lowCardinality = new ArrayList<>();
		List<KeyValue> all = new ArrayList<>();
		for (ImgwireClientObservationContext context : this.observations.stopped()) {
			context.getLowCardinalityKeyValues().forEach(lowCardinality::add);
			context.getAllKeyValues().forEach(all::add);
		}
		assertThat(this.observations.retries()).isNotEmpty();
		assertThat(lowCardinality).isNotEmpty()
			.allSatisfy((keyValue) -> assertThat(secrets).noneMatch((secret) -> keyValue.getValue().contains(secret)));
		assertThat(all).allSatisfy((keyValue) -> assertThat(keyValue.getValue()).doesNotContain(emulator.serverKey())
			.doesNotContain(emulator.clientKey())
			.doesNotContain(token.token()));
	}

	@Test
	void aSubclassOfTheDefaultConventionCanChangeOneKeyForRequestsAndRetries() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
		DefaultImgwireClientObservationConvention convention = new DefaultImgwireClientObservationConvention() {

			@Override
			protected KeyValue operation(ImgwireClientObservationContext context) {
				return KeyValue.of("imgwire.operation", "custom." + context.getOperation().observationName());
			}

		};
		ImgwireImagesClient client = clientBuilder().observationRegistry(this.observations.registry())
			.observationConvention(convention)
			.build();

		client.list(1, 10).block(TIMEOUT);

		TestObservationRegistryAssert.assertThat(this.observations.registry())
			.hasObservationWithNameEqualTo("imgwire.client.requests")
			.that()
			.hasLowCardinalityKeyValue("imgwire.operation", "custom.images.list")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS");
		TestObservationRegistryAssert.assertThat(this.observations.registry())
			.hasObservationWithNameEqualTo("imgwire.client.retries")
			.that()
			.hasLowCardinalityKeyValue("imgwire.operation", "custom.images.list")
			.hasLowCardinalityKeyValue("imgwire.retry.reason", "server_error");
	}

	@Test
	void springsHttpClientObservationsSeeUriTemplatesNeverIdsTokensOrSignedUrls() {
		List<String> uris = new CopyOnWriteArrayList<>();
		ObservationRegistry http = ObservationRegistry.create();
		http.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				if ("http.client.requests".equals(context.getName())) {
					uris.add(context.getLowCardinalityKeyValue("uri").getValue());
				}
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		ImgwireImagesClient client = ImgwireImagesClient
			.builder(this.wire.webClientBuilder().observationRegistry(http), settings())
			.retryPolicy(FAST_RETRIES)
			.build();
		Image image = client
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("h.png"))
			.block(TIMEOUT);
		UploadToken token = client.createUploadToken().block(TIMEOUT);
		client.createStandardUpload(StandardUploadRequest.of("t.png"), token.token()).block(TIMEOUT);
		client.list(2, 7).block(TIMEOUT);

		assertThat(uris)
			.contains("/api/v1/images/{image_id}", "/{upload_url}", "/api/v1/images/token",
					"/api/v1/images/standard_upload?upload_token={upload_token}",
					"/api/v1/images/?page={page}&limit={limit}")
			.allSatisfy((uri) -> assertThat(uri).doesNotContain(image.id().toString())
				.doesNotContain(token.token())
				.doesNotContain("signature")
				.doesNotContain("page=2"));
	}

	private ImgwireImagesClient observedClient() {
		return clientBuilder().observationRegistry(this.observations.registry()).build();
	}

	private static ImgwireClientObservationContext find(List<ImgwireClientObservationContext> contexts,
			ImgwireOperation operation) {
		return contexts.stream().filter((context) -> context.getOperation() == operation).findFirst().orElseThrow();
	}

}
