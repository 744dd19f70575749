package dev.imgwire.client;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.codec.multipart.FilePart;

import dev.imgwire.client.WebParts.BytesMultipartFile;
import dev.imgwire.client.WebParts.RecordingInputStream;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.error.ImgwireSpoolLimitException;
import dev.imgwire.client.error.ImgwireUploadException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sources without a file behind them: Spring MVC and WebFlux multipart uploads, blocking
 * streams, and streams of unknown length that are spooled to a file first.
 */
class UploadSourcesTests extends EmulatorTestSupport {

	private static final Duration SPOOL_CLEANUP = Duration.ofSeconds(10);

	@TempDir
	Path spool;

	ImgwireImagesClient spoolingClient() {
		return clientBuilder().spoolDirectory(this.spool).build();
	}

	/**
	 * A PNG signature followed by deterministic filler: big enough to need several
	 * chunks.
	 */
	static byte[] largePng(int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) (i * 31 + 7);
		}
		byte[] header = TestImages.png();
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	List<Path> spoolFiles() {
		try (Stream<Path> files = Files.list(this.spool)) {
			return files.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void awaitSpoolEmpty() throws InterruptedException {
		long deadline = System.nanoTime() + SPOOL_CLEANUP.toNanos();
		while (!spoolFiles().isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(spoolFiles()).as("spool files left behind").isEmpty();
	}

	void awaitCondition(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(condition.getAsBoolean()).as(what).isTrue();
	}

	@Nested
	class SpringMvcMultipartFiles {

		@Test
		void aMultipartFileIsStreamedUnderItsOriginalNameWithoutDirectoriesAndWithoutSpooling() {
			byte[] png = largePng(200_000);
			BytesMultipartFile file = new BytesMultipartFile("C:\\Users\\me\\holiday.png", "image/png", png);
			// A limit of one byte would fail any spooling.
			ImgwireImagesClient client = clientBuilder().spoolDirectory(spool).maxSpoolBytes(1).build();

			Image image = client.upload(UploadSource.fromMultipartFile(file), UploadOptions.defaults()).block(TIMEOUT);

			assertThat(image.originalFilename()).isEqualTo("holiday.png");
			assertThat(image.mimeType()).isEqualTo(SupportedMimeType.PNG);
			assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
			assertThat(wire.requests("PUT").get(0).header("Content-Length")).isEqualTo(String.valueOf(png.length));
			assertThat(spoolFiles()).isEmpty();
		}

		@Test
		void aMultipartFileIsReadOnBoundedElasticThreadsAndEveryStreamIsClosed() {
			BytesMultipartFile file = new BytesMultipartFile("a/b/c.png", "image/png", largePng(300_000));

			spoolingClient().upload(UploadSource.fromMultipartFile(file), UploadOptions.defaults()).block(TIMEOUT);

			assertThat(file.streams).isNotEmpty().allSatisfy((stream) -> {
				assertThat(stream.readingThreads).isNotEmpty().allMatch((name) -> name.startsWith("boundedElastic"));
				assertThat(stream.closed).isTrue();
			});
		}

		@Test
		void aMultipartFileIsReadAgainWhenThePutFails() {
			emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(503);
			byte[] png = largePng(100_000);
			BytesMultipartFile file = new BytesMultipartFile("retry.png", "image/png", png);

			Image image = spoolingClient().upload(UploadSource.fromMultipartFile(file), UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(2);
			assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
		}

		@Test
		void aMultipartFileCanBeHashed() throws Exception {
			byte[] png = largePng(70_000);

			Image image = spoolingClient()
				.upload(UploadSource.fromMultipartFile(new BytesMultipartFile("h.png", "image/png", png)),
						UploadOptions.defaults().withComputeSha256(true))
				.block(TIMEOUT);

			assertThat(image.hashSha256()).isEqualTo(sha256(png));
		}

		@Test
		void aMissingFileIsRefusedBeforeAnyRequest() {
			StepVerifier.create(client().upload(UploadSource.fromMultipartFile(null), UploadOptions.defaults()))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireRequestValidationException.class)
					.hasMessage("source: file must not be null"))
				.verify(TIMEOUT);
			assertThat(emulator.state().totalRequests()).isZero();
		}

	}

	@Nested
	class StreamsOfKnownLength {

		@Test
		void aStreamIsSentStraightThroughWithItsTypePeekedFromItsFirstBytes() {
			byte[] png = largePng(150_000);
			RecordingInputStream stream = new RecordingInputStream(new ByteArrayInputStream(png));
			ImgwireImagesClient client = clientBuilder().spoolDirectory(spool).maxSpoolBytes(1).build();

			Image image = client.upload(UploadSource.fromInputStream(stream, png.length), UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(image.mimeType()).isEqualTo(SupportedMimeType.PNG);
			assertThat(image.originalFilename()).isEqualTo("upload.png");
			assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
			assertThat(stream.readingThreads).isNotEmpty().allMatch((name) -> name.startsWith("boundedElastic"));
			assertThat(stream.closed).isTrue();
			assertThat(spoolFiles()).isEmpty();
		}

		@Test
		void aStreamIsOneShotSoAFailedPutIsNotRetriedAndTheErrorNamesTheCreatedImage() {
			emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(503);
			byte[] png = TestImages.png();

			StepVerifier.create(client().upload(UploadSource.fromInputStream(new ByteArrayInputStream(png), png.length),
					UploadOptions.defaults()))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isInstanceOf(ImgwireUploadException.class)
						.hasMessageContaining("cannot be replayed")
						.hasCauseInstanceOf(ImgwireServerException.class);
					assertThat(((ImgwireException) ex).getImageId()).isEqualTo(onlyImageId());
				})
				.verify(TIMEOUT);
			assertThat(emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(1);
		}

		@Test
		void aStreamThatBreaksDuringThePutFailsNamingTheCreatedImage() {
			byte[] png = largePng(300_000);
			RecordingInputStream breaking = new RecordingInputStream(new ByteArrayInputStream(png), 100_000);

			StepVerifier
				.create(client().upload(UploadSource.fromInputStream(breaking, png.length), UploadOptions.defaults()))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isInstanceOf(ImgwireUploadException.class)
						.hasMessageContaining("could not be read (IOException)");
					assertThat(((ImgwireException) ex).getImageId()).isEqualTo(onlyImageId());
				})
				.verify(TIMEOUT);
			assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(1);
			assertThat(emulator.state().storedSize(emulator.state().images().get(0).id())).isEqualTo(-1);
			assertThat(breaking.closed).isTrue();
		}

		@Test
		void aStreamThatEndsEarlyBecauseItsSenderWentAwayFailsNamingTheCreatedImage() {
			byte[] png = largePng(100_000);

			StepVerifier
				.create(client().upload(UploadSource.fromInputStream(new ByteArrayInputStream(png), png.length + 5000L),
						UploadOptions.defaults()))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isInstanceOf(ImgwireUploadException.class)
						.hasMessageContaining("produced only " + png.length + " bytes");
					assertThat(((ImgwireException) ex).getImageId()).isEqualTo(onlyImageId());
				})
				.verify(TIMEOUT);
		}

		@Test
		void aStreamCannotBeHashedAndNothingIsSent() {
			byte[] png = TestImages.png();

			StepVerifier
				.create(client().upload(UploadSource.fromInputStream(new ByteArrayInputStream(png), png.length),
						UploadOptions.defaults().withComputeSha256(true)))
				.expectError(ImgwireRequestValidationException.class)
				.verify(TIMEOUT);
			assertThat(emulator.state().totalRequests()).isZero();
		}

	}

	@Nested
	class SourcesOfUnknownLength {

		@Test
		void aStreamIsSpooledReadOnBoundedElasticThreadsUploadedAndItsSpoolFileDeleted() throws Exception {
			byte[] png = largePng(250_000);
			RecordingInputStream stream = new RecordingInputStream(new ByteArrayInputStream(png));

			Image image = spoolingClient()
				.upload(UploadSource.fromInputStream(stream), UploadOptions.defaults().withComputeSha256(true))
				.block(TIMEOUT);

			assertThat(image.mimeType()).isEqualTo(SupportedMimeType.PNG);
			assertThat(image.hashSha256()).isEqualTo(sha256(png));
			assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
			assertThat(wire.requests("PUT").get(0).header("Content-Length")).isEqualTo(String.valueOf(png.length));
			assertThat(stream.readingThreads).isNotEmpty().allMatch((name) -> name.startsWith("boundedElastic"));
			assertThat(stream.closed).isTrue();
			awaitSpoolEmpty();
		}

		@Test
		void aFluxOfBuffersIsSpooledAndItsSpoolFileDeleted() throws Exception {
			byte[] gif = TestImages.gif();

			Image image = spoolingClient().upload(UploadSource.fromDataBuffers(
					Flux.fromIterable(WebParts.chunks(gif, 7)).map(DefaultDataBufferFactory.sharedInstance::wrap)),
					UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(image.mimeType()).isEqualTo(SupportedMimeType.GIF);
			assertThat(emulator.state().storedBytes(image.id())).hasValue(gif);
			awaitSpoolEmpty();
		}

		@Test
		void aWebFluxFilePartIsSpooledUnderItsNameWithoutDirectories() throws Exception {
			byte[] png = largePng(120_000);

			Image image = spoolingClient()
				.upload(UploadSource.fromFilePart(WebParts.filePart("/home/me/part.png", "image/png", png)),
						UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(image.originalFilename()).isEqualTo("part.png");
			assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
			awaitSpoolEmpty();
		}

		@Test
		void theSpoolFileMakesAFailedPutRetryable() throws Exception {
			emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(503);
			byte[] png = largePng(80_000);

			Image image = spoolingClient()
				.upload(UploadSource.fromInputStream(new ByteArrayInputStream(png)), UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(2);
			assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
			awaitSpoolEmpty();
		}

		@Test
		void theSpoolDirectoryIsCreatedWhenMissing() throws Exception {
			Path missing = spool.resolve("not/yet");

			Image image = clientBuilder().spoolDirectory(missing)
				.build()
				.upload(UploadSource.fromInputStream(new ByteArrayInputStream(TestImages.png())),
						UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(emulator.state().storedBytes(image.id())).hasValue(TestImages.png());
			try (Stream<Path> files = Files.list(missing)) {
				assertThat(files).isEmpty();
			}
		}

		@Test
		void aSourceOverTheLimitFailsBeforeTheImageIsCreatedAndLeavesNoSpoolFile() throws Exception {
			ImgwireImagesClient client = clientBuilder().spoolDirectory(spool).maxSpoolBytes(50_000).build();

			StepVerifier.create(client.upload(UploadSource.fromInputStream(new ByteArrayInputStream(largePng(200_000))),
					UploadOptions.defaults()))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isInstanceOf(ImgwireSpoolLimitException.class)
						.hasMessageContaining("50000 bytes")
						.hasMessageContaining("imgwire.upload.spool.max-size");
					assertThat(((ImgwireSpoolLimitException) ex).getMaxBytes()).isEqualTo(50_000);
					assertThat(((ImgwireException) ex).getImageId()).isNull();
				})
				.verify(TIMEOUT);
			assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isZero();
			awaitSpoolEmpty();
		}

		@Test
		void aSourceExactlyAtTheLimitIsUploaded() throws Exception {
			byte[] png = largePng(50_000);
			ImgwireImagesClient client = clientBuilder().spoolDirectory(spool).maxSpoolBytes(50_000).build();

			Image image = client
				.upload(UploadSource.fromInputStream(new ByteArrayInputStream(png)), UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(emulator.state().storedSize(image.id())).isEqualTo(50_000);
			awaitSpoolEmpty();
		}

		@Test
		void theSpoolFileIsDeletedWhenTheUploadFails() throws Exception {
			emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).respondWith(400);

			StepVerifier.create(spoolingClient().upload(
					UploadSource.fromInputStream(new ByteArrayInputStream(largePng(90_000))), UploadOptions.defaults()))
				.expectError()
				.verify(TIMEOUT);
			awaitSpoolEmpty();
		}

		@Test
		void theSpoolFileIsDeletedWhenTheUploadIsCancelledWhileSpooling() throws Exception {
			Flux<DataBuffer> endless = Flux
				.concat(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(largePng(10_000))), Flux.never());
			Disposable upload = spoolingClient().upload(UploadSource.fromDataBuffers(endless), UploadOptions.defaults())
				.subscribe();
			awaitCondition("spooling started",
					() -> spoolFiles().stream().anyMatch((file) -> file.toFile().length() == 10_000));

			upload.dispose();

			awaitSpoolEmpty();
			assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isZero();
		}

		@Test
		void theSpoolFileIsDeletedWhenTheUploadIsCancelledDuringThePut() throws Exception {
			emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).stall(Duration.ofSeconds(10));
			Disposable upload = spoolingClient()
				.upload(UploadSource.fromInputStream(new ByteArrayInputStream(largePng(60_000))),
						UploadOptions.defaults())
				.subscribe();
			awaitCondition("the PUT started",
					() -> emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT) == 1);
			assertThat(spoolFiles()).hasSize(1);

			upload.dispose();

			awaitSpoolEmpty();
		}

		@Test
		void aSourceOfUnknownLengthIsReadOnce() throws Exception {
			UploadSource source = UploadSource.fromInputStream(new ByteArrayInputStream(TestImages.png()));
			ImgwireImagesClient client = spoolingClient();
			client.upload(source, UploadOptions.defaults()).block(TIMEOUT);

			StepVerifier.create(client.upload(source, UploadOptions.defaults()))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireUploadException.class)
					.hasMessageContaining("cannot be replayed"))
				.verify(TIMEOUT);
			assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(1);
			awaitSpoolEmpty();
		}

	}

	@Nested
	class MimeTypesOfDeclaringSources {

		@Test
		void aDeclaredTypeThatTheBytesConfirmIsUsed() {
			BytesMultipartFile file = new BytesMultipartFile("no-extension", "image/gif", TestImages.gif());

			Image image = client().upload(UploadSource.fromMultipartFile(file), UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(image.mimeType()).isEqualTo(SupportedMimeType.GIF);
			assertThat(wire.requests("PUT").get(0).header("Content-Type")).isEqualTo("image/gif");
		}

		@Test
		void aDeclaredImageTypeThatTheBytesContradictIsRefusedNamingBothBeforeAnyRequest() throws Exception {
			FilePart lying = WebParts.filePart("photo.png", "image/png", TestImages.jpeg());

			StepVerifier.create(spoolingClient().upload(UploadSource.fromFilePart(lying), UploadOptions.defaults()))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireRequestValidationException.class)
					.hasMessageContaining("mime_type")
					.hasMessageContaining("image/png")
					.hasMessageContaining("image/jpeg"))
				.verify(TIMEOUT);
			assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isZero();
			awaitSpoolEmpty();
		}

		@Test
		void aGenericDeclaredTypeGivesWayToTheBytesEvenOverTheFileName() {
			BytesMultipartFile file = new BytesMultipartFile("looks-like.png", "application/octet-stream",
					TestImages.gif());

			Image image = client().upload(UploadSource.fromMultipartFile(file), UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(image.mimeType()).isEqualTo(SupportedMimeType.GIF);
		}

		@Test
		void aNonStandardDeclaredTypeGivesWayToTheBytes() {
			BytesMultipartFile file = new BytesMultipartFile("x", "image/jpg; charset=binary", TestImages.jpeg());

			Image image = client().upload(UploadSource.fromMultipartFile(file), UploadOptions.defaults())
				.block(TIMEOUT);

			assertThat(image.mimeType()).isEqualTo(SupportedMimeType.JPEG);
		}

		@Test
		void aTypeTheCallerSetsInTheOptionsIsUsedWithoutTheCheck() {
			BytesMultipartFile file = new BytesMultipartFile("a.png", "image/png", TestImages.jpeg());

			Image image = client()
				.upload(UploadSource.fromMultipartFile(file),
						UploadOptions.defaults().withMimeType(SupportedMimeType.JPEG))
				.block(TIMEOUT);

			assertThat(image.mimeType()).isEqualTo(SupportedMimeType.JPEG);
		}

		@Test
		void unrecognisedBytesFallBackToTheFileName() {
			BytesMultipartFile file = new BytesMultipartFile("named.webp", "image/png", "not an image".getBytes());

			client().upload(UploadSource.fromMultipartFile(file), UploadOptions.defaults()).block(TIMEOUT);

			assertThat(wire.requests("PUT").get(0).header("Content-Type")).isEqualTo("image/webp");
		}

	}

	@Nested
	class WithoutTheWebMultipartTypes {

		@Test
		void uploadSourceLoadsAndItsOtherFactoriesWorkWhenTheMultipartTypesAreMissing() throws Throwable {
			try (URLClassLoader loader = new HidingClassLoader()) {
				assertThatExceptionOfType(ClassNotFoundException.class)
					.isThrownBy(() -> loader.loadClass("org.springframework.web.multipart.MultipartFile"));
				assertThatExceptionOfType(ClassNotFoundException.class)
					.isThrownBy(() -> loader.loadClass("org.springframework.http.codec.multipart.FilePart"));
				Class<?> type = Class.forName("dev.imgwire.client.upload.UploadSource", true, loader);
				assertThat(type.getClassLoader()).isSameAs(loader);
				MethodHandles.Lookup lookup = MethodHandles.publicLookup();
				MethodHandle length = lookup.findVirtual(type, "length", MethodType.methodType(long.class));

				Object bytes = lookup.findStatic(type, "fromBytes", MethodType.methodType(type, byte[].class))
					.invoke(new byte[] { 1, 2, 3 });
				Object stream = lookup
					.findStatic(type, "fromInputStream", MethodType.methodType(type, InputStream.class, long.class))
					.invoke(new ByteArrayInputStream(new byte[5]), 5L);

				assertThat((long) length.invoke(bytes)).isEqualTo(3);
				assertThat((long) length.invoke(stream)).isEqualTo(5);
			}
		}

	}

	private static String onlyImageId() {
		assertThat(emulator.state().images()).hasSize(1);
		return emulator.state().images().get(0).id().toString();
	}

	/**
	 * Loads the test class path itself, except the multipart types of spring-web.
	 */
	private static final class HidingClassLoader extends URLClassLoader {

		HidingClassLoader() throws IOException {
			super(classPath(), ClassLoader.getPlatformClassLoader());
		}

		private static URL[] classPath() throws IOException {
			String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
			URL[] urls = new URL[entries.length];
			for (int i = 0; i < entries.length; i++) {
				urls[i] = Path.of(entries[i]).toUri().toURL();
			}
			return urls;
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (name.startsWith("org.springframework.web.multipart.")
					|| name.startsWith("org.springframework.http.codec.multipart.")) {
				throw new ClassNotFoundException(name);
			}
			return super.loadClass(name, resolve);
		}

	}

}
