package dev.imgwire.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwireProcessingException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.model.DownloadJob;
import dev.imgwire.client.model.DownloadJobStatus;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waiting for images and download jobs to finish processing.
 */
class AwaitTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	/**
	 * Processing takes a moment here, so waiting has something to wait for, and ends
	 * soon. Whether a status is still PROCESSING on the first look depends on the
	 * machine's load: tests that need a non-terminal status use {@link #stuck}.
	 */
	static ImgwireEmulator processing;

	/**
	 * Processing never finishes within a test here, so an image stays PROCESSING and a
	 * download job PENDING however slow the machine.
	 */
	static ImgwireEmulator stuck;

	@BeforeAll
	static void startEmulators() {
		processing = ImgwireEmulator.builder().processingDelay(Duration.ofMillis(200)).start();
		stuck = ImgwireEmulator.builder().processingDelay(Duration.ofHours(1)).start();
	}

	@AfterAll
	static void stopEmulators() {
		processing.close();
		stuck.close();
	}

	@Test
	void awaitReadyKeepsPollingWhileTheImageIsProcessing() {
		ImgwireImagesClient client = client(stuck);
		Image uploaded = client.upload(png(), UploadOptions.defaults().withFileName("poll.png")).block(TIMEOUT);
		long retrievesBefore = stuck.state().requestCount(EmulatorOperation.RETRIEVE);

		StepVerifier.create(client.awaitReady(uploaded.id().toString(), Duration.ofMinutes(5)))
			.expectSubscription()
			.then(() -> awaitRequests(stuck, EmulatorOperation.RETRIEVE, retrievesBefore + 3))
			.thenCancel()
			.verify(TIMEOUT);

		assertThat(uploaded.status()).isEqualTo(ImageStatus.PROCESSING);
	}

	@Test
	void awaitReadyPollsUntilTheImageIsReady() {
		ImgwireImagesClient client = client(processing);
		Image uploaded = client.upload(png(), UploadOptions.defaults().withFileName("a.png")).block(TIMEOUT);

		Image ready = client.awaitReady(uploaded.id().toString(), Duration.ofSeconds(10)).block(TIMEOUT);

		assertThat(ready.status()).isEqualTo(ImageStatus.READY);
		assertThat(ready.width()).isEqualTo(4);
	}

	@Test
	void uploadWaitsForReadyWhenTheOptionsSaySo() {
		Image image = client(processing)
			.upload(png(), UploadOptions.defaults().withFileName("b.png").withAwaitReady(true))
			.block(TIMEOUT);

		assertThat(image.status()).isEqualTo(ImageStatus.READY);
	}

	@Test
	void uploadWaitsForReadyByDefaultWhenTheClientSaysSoAndTheOptionsDoNotSayOtherwise() {
		Image waited = builder(processing).awaitReadyByDefault(true)
			.readyTimeout(Duration.ofSeconds(10))
			.build()
			.upload(png(), UploadOptions.defaults().withFileName("c.png"))
			.block(TIMEOUT);
		// Where processing never ends, only not waiting returns at all.
		Image notWaited = builder(stuck).awaitReadyByDefault(true)
			.readyTimeout(Duration.ofSeconds(10))
			.build()
			.upload(png(), UploadOptions.defaults().withFileName("d.png").withAwaitReady(false))
			.block(TIMEOUT);

		assertThat(waited.status()).isEqualTo(ImageStatus.READY);
		assertThat(notWaited.status()).isEqualTo(ImageStatus.PROCESSING);
	}

	@Test
	void aQuarantinedImageEndsTheWaitWithAProcessingException() {
		ImgwireImagesClient client = client(processing);
		// PNG bytes declared as JPEG: the emulator quarantines the mismatch.
		Image uploaded = client
			.upload(png(), UploadOptions.defaults().withFileName("fake.jpg").withMimeType(SupportedMimeType.JPEG))
			.block(TIMEOUT);

		StepVerifier.create(client.awaitReady(uploaded.id().toString(), Duration.ofSeconds(10)))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ImgwireProcessingException.class)
					.hasMessageContaining("QUARANTINE")
					.hasMessageContaining(uploaded.id().toString());
				assertThat(((ImgwireProcessingException) ex).getLastStatus()).isEqualTo("QUARANTINE");
				assertThat(((ImgwireProcessingException) ex).getResourceId()).isEqualTo(uploaded.id().toString());
			})
			.verify(TIMEOUT);
	}

	@Test
	void aWaitThatRunsOutSaysSoWithTheLastStatus() {
		ImgwireImagesClient client = client(stuck);
		Image uploaded = client.upload(png(), UploadOptions.defaults().withFileName("slow.png")).block(TIMEOUT);

		StepVerifier.create(client.awaitReady(uploaded.id().toString(), Duration.ofMillis(150)))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ImgwireProcessingException.class)
					.hasMessageContaining("not READY within PT0.15S")
					.hasMessageContaining("PROCESSING");
				assertThat(((ImgwireProcessingException) ex).getLastStatus()).isEqualTo("PROCESSING");
			})
			.verify(TIMEOUT);
	}

	@Test
	void uploadWithTheDefaultWaitRunsOutAtTheReadyTimeout() {
		ImgwireImagesClient client = builder(stuck).awaitReadyByDefault(true)
			.readyTimeout(Duration.ofMillis(100))
			.build();

		StepVerifier.create(client.upload(png(), UploadOptions.defaults().withFileName("late.png")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireProcessingException.class)
				.hasMessageContaining("not READY within PT0.1S"))
			.verify(TIMEOUT);
	}

	@Test
	void waitingForAnImageThatDoesNotExistFailsWithNotFound() {
		StepVerifier.create(client(processing).awaitReady(UUID.randomUUID().toString(), Duration.ofSeconds(5)))
			.expectError(ImgwireNotFoundException.class)
			.verify(TIMEOUT);
	}

	@Test
	void aNonPositiveTimeoutIsRefusedBeforeAnyRequest() {
		long before = processing.state().totalRequests();

		StepVerifier.create(client(processing).awaitReady(UUID.randomUUID().toString(), Duration.ZERO))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireRequestValidationException.class)
				.hasMessageContaining("timeout"))
			.verify(TIMEOUT);
		assertThat(processing.state().totalRequests()).isEqualTo(before);
	}

	@Test
	void awaitDownloadJobReturnsTheReadyJobWithItsDownloadUrl() {
		ImgwireImagesClient client = client(processing);
		Image image = client.upload(png(), UploadOptions.defaults().withFileName("zip.png").withAwaitReady(true))
			.block(TIMEOUT);
		DownloadJob created = client.createDownloadJob(List.of(image.id().toString())).block(TIMEOUT);

		DownloadJob ready = client.awaitDownloadJob(created.id().toString(), Duration.ofSeconds(10)).block(TIMEOUT);

		assertThat(ready.status()).isEqualTo(DownloadJobStatus.READY);
		assertThat(ready.downloadUrl()).isNotBlank();
		// The download URL is signed.
		assertThat(ready.toString()).contains(ready.id().toString())
			.contains("downloadUrl=<redacted>")
			.doesNotContain(ready.downloadUrl());
		byte[] archive = WebClient.create()
			.get()
			.uri(URI.create(ready.downloadUrl()))
			.retrieve()
			.bodyToMono(byte[].class)
			.block(TIMEOUT);
		assertThat(archive).startsWith('P', 'K');
	}

	@Test
	void aFailedDownloadJobEndsTheWaitWithAProcessingException() {
		ImgwireImagesClient client = client(processing);
		// Never uploaded, so there are no bytes to put in the archive.
		StandardUpload pending = client.createStandardUpload(StandardUploadRequest.of("never.png")).block(TIMEOUT);
		DownloadJob created = client.createDownloadJob(List.of(pending.image().id().toString())).block(TIMEOUT);

		StepVerifier.create(client.awaitDownloadJob(created.id().toString(), Duration.ofSeconds(10)))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(ImgwireProcessingException.class)
					.hasMessageContaining("FAILED")
					.hasMessageContaining(created.id().toString());
				assertThat(((ImgwireProcessingException) ex).getLastStatus()).isEqualTo("FAILED");
			})
			.verify(TIMEOUT);
	}

	@Test
	void awaitDownloadJobKeepsPollingWhileTheJobIsPending() {
		ImgwireImagesClient client = client(stuck);
		StandardUpload pending = client.createStandardUpload(StandardUploadRequest.of("pending.png")).block(TIMEOUT);
		DownloadJob created = client.createDownloadJob(List.of(pending.image().id().toString())).block(TIMEOUT);
		long before = stuck.state().requestCount(EmulatorOperation.RETRIEVE_DOWNLOAD_JOB);

		StepVerifier.create(client.awaitDownloadJob(created.id().toString(), Duration.ofMinutes(5)))
			.expectSubscription()
			.then(() -> awaitRequests(stuck, EmulatorOperation.RETRIEVE_DOWNLOAD_JOB, before + 3))
			.thenCancel()
			.verify(TIMEOUT);

		assertThat(created.status()).isNotEqualTo(DownloadJobStatus.READY);
	}

	/**
	 * Wait until the emulator has seen at least so many requests: a bound against
	 * hanging, not a measure of how long polling takes.
	 */
	private static void awaitRequests(ImgwireEmulator emulator, EmulatorOperation operation, long count) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (emulator.state().requestCount(operation) < count && System.nanoTime() < deadline) {
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		assertThat(emulator.state().requestCount(operation)).isGreaterThanOrEqualTo(count);
	}

	private static UploadSource png() {
		return UploadSource.fromBytes(TestImages.png());
	}

	private static ImgwireImagesClient client(ImgwireEmulator emulator) {
		return builder(emulator).build();
	}

	private static ImgwireClientBuilder<ImgwireImagesClient> builder(ImgwireEmulator emulator) {
		return ImgwireImagesClient
			.builder(WebClient.builder(), ImgwireClientSettings.of(emulator.baseUrl(), emulator.serverKey()))
			.retryPolicy(EmulatorTestSupport.FAST_RETRIES)
			.pollInterval(Duration.ofMillis(20));
	}

}
