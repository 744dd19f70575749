package dev.imgwire.client;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import dev.imgwire.client.model.Image;
import dev.imgwire.client.retry.ImgwireRetryPolicy;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.ImgwireEmulator;

/**
 * One emulator per test class, reset before each test, and clients that talk to it over
 * loopback HTTP through a {@link WireRecorder}.
 */
abstract class EmulatorTestSupport {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	/**
	 * Retries as the defaults, only with back-offs short enough for tests.
	 */
	static final ImgwireRetryPolicy FAST_RETRIES = ImgwireRetryPolicy.defaults()
		.withInitialDelay(Duration.ofMillis(1))
		.withMaxDelay(Duration.ofMillis(20));

	static ImgwireEmulator emulator;

	final WireRecorder wire = new WireRecorder();

	@BeforeAll
	static void startEmulator() {
		emulator = ImgwireEmulator.builder().allowLoopbackUrls(true).start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@BeforeEach
	void resetEmulator() {
		emulator.reset();
		this.wire.clear();
	}

	ImgwireClientSettings settings() {
		return ImgwireClientSettings.of(emulator.baseUrl(), emulator.serverKey());
	}

	ImgwireClientBuilder<ImgwireImagesClient> clientBuilder() {
		return clientBuilder(settings());
	}

	ImgwireClientBuilder<ImgwireImagesClient> clientBuilder(ImgwireClientSettings settings) {
		return ImgwireImagesClient.builder(this.wire.webClientBuilder(), settings)
			.retryPolicy(FAST_RETRIES)
			.pollInterval(Duration.ofMillis(20));
	}

	ImgwireImagesClient client() {
		return clientBuilder().build();
	}

	/**
	 * The root client, with the same test settings as {@link #clientBuilder()}.
	 */
	ImgwireClient rootClient() {
		return ImgwireClient.builder(this.wire.webClientBuilder(), settings())
			.retryPolicy(FAST_RETRIES)
			.pollInterval(Duration.ofMillis(20))
			.build();
	}

	/**
	 * Upload a small PNG through the client and clear the recorded requests.
	 */
	Image uploadPng(ImgwireImagesClient client, String fileName) {
		Image image = client
			.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName(fileName))
			.block(TIMEOUT);
		this.wire.clear();
		return image;
	}

}
