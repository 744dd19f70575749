package dev.imgwire.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.emulator.EmulatorOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retry behaviour of the auto-configured {@link ImgwireImagesClient}, against the
 * emulator's injected faults.
 *
 * @author Imgwire
 */
class ImgwireRetryTests {

	private static final Duration BLOCK = Duration.ofSeconds(20);

	private static final Duration MAX_DELAY = Duration.ofMillis(50);

	@RegisterExtension
	static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();

	private ApplicationContextRunner emulatorRunner() {
		return emulator.runner()
			.withPropertyValues("imgwire.retry.initial-delay=10ms",
					"imgwire.retry.max-delay=" + MAX_DELAY.toMillis() + "ms", "imgwire.retry.jitter=0");
	}

	@Test
	void shouldRetryServiceUnavailableThenSucceed() {
		emulatorRunner().run((context) -> {
			emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
			assertThat(context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK)).isNotNull();
			assertThat(emulator.faults().injected(EmulatorOperation.LIST)).isEqualTo(1);
			assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(2);
		});
	}

	@Test
	void shouldHonourRetryAfterCappedByMaxDelay() {
		List<Duration> retryDelays = new CopyOnWriteArrayList<>();
		emulatorRunner().withBean(ObservationRegistry.class, () -> retryDelayRecordingRegistry(retryDelays))
			.run((context) -> {
				emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, Duration.ofHours(1));
				emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503, Duration.ofHours(1));
				// An uncapped Retry-After would wait an hour: the block would time out
				assertThat(context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK)).isNotNull();
				assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(3);
				// Without Retry-After, the back-offs would be 10ms then 20ms
				assertThat(retryDelays).containsExactly(MAX_DELAY, MAX_DELAY);
			});
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 409, 422 })
	void shouldNeverRetryClientErrors(int status) {
		emulatorRunner().run((context) -> {
			emulator.faults().next(EmulatorOperation.RETRIEVE, 1).respondWith(status);
			assertThatExceptionOfType(ImgwireApiException.class)
				.isThrownBy(() -> context.getBean(ImgwireImagesClient.class)
					.retrieve("7b0c3a52-3f41-4d6e-9a55-3b8f0b1c2d3e")
					.block(BLOCK))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(status);
					assertThat(ex.getAttempts()).isEqualTo(1);
				});
			assertThat(emulator.state().requestCount(EmulatorOperation.RETRIEVE)).isEqualTo(1);
		});
	}

	@Test
	void shouldRetryResetConnection() {
		emulatorRunner().run((context) -> {
			emulator.faults().next(EmulatorOperation.LIST, 1).resetConnection();
			assertThat(context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK)).isNotNull();
			assertThat(emulator.faults().injected(EmulatorOperation.LIST)).isEqualTo(1);
		});
	}

	@Test
	void shouldLeaveExactlyOneImageWhenLostStandardUploadResponseIsRetried() {
		emulatorRunner().run((context) -> {
			emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).loseResponse();
			Image image = context.getBean(ImgwireImagesClient.class)
				.upload(TestImages.source(TestImages.png(4, 4)), TestImages.options("lost.png"))
				.block(BLOCK);
			assertThat(emulator.faults().injected(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(1);
			assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(2);
			assertThat(emulator.state().images()).hasSize(1);
			assertThat(emulator.state().images().get(0).id()).isEqualTo(image.id());
		});
	}

	@Test
	void shouldSurfaceTheLastRealErrorWhenRetriesAreExhausted() {
		emulatorRunner().withPropertyValues("imgwire.retry.max-retries=3").run((context) -> {
			emulator.faults().next(EmulatorOperation.LIST, 4).respondWith(503);
			assertThatExceptionOfType(ImgwireServerException.class)
				.isThrownBy(() -> context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(503);
					assertThat(ex.getAttempts()).isEqualTo(4);
				});
			assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(4);
		});
	}

	@Test
	void shouldNotRetryWhenRetryIsDisabled() {
		emulatorRunner().withPropertyValues("imgwire.retry.enabled=false").run((context) -> {
			emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
			assertThatExceptionOfType(ImgwireServerException.class)
				.isThrownBy(() -> context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
			assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(1);
		});
	}

	private static ObservationRegistry retryDelayRecordingRegistry(List<Duration> retryDelays) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<ImgwireClientObservationContext>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ImgwireClientObservationContext imgwire && imgwire.isRetry();
			}

			@Override
			public void onStart(ImgwireClientObservationContext context) {
				retryDelays.add(context.getRetryDelay());
			}

		});
		return registry;
	}

}
