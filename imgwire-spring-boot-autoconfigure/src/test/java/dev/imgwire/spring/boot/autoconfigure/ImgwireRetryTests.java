package dev.imgwire.spring.boot.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.model.Image;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;

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

	private static ImgwireEmulator emulator;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				ImgwireAutoConfiguration.class))
		.withPropertyValues("imgwire.retry.initial-delay=10ms", "imgwire.retry.max-delay=50ms",
				"imgwire.retry.jitter=0");

	@BeforeAll
	static void startEmulator() {
		emulator = ImgwireEmulator.start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@BeforeEach
	void resetEmulator() {
		emulator.reset();
	}

	private ApplicationContextRunner emulatorRunner() {
		return this.contextRunner.withPropertyValues("imgwire.base-url=" + emulator.baseUrl(),
				"imgwire.server-key=" + emulator.serverKey());
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
		emulatorRunner().run((context) -> {
			emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, Duration.ofHours(1));
			emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503, Duration.ofHours(1));
			// An uncapped Retry-After would wait an hour: the block would time out
			assertThat(context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK)).isNotNull();
			assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(3);
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

}
