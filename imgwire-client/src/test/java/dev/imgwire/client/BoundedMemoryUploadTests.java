package dev.imgwire.client;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.ImgwireEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads far larger than the heap. Run by the {@code bounded-memory} Surefire execution
 * in a JVM limited to 96 MiB that also hosts the emulator: any buffering of the whole
 * source would fail with an {@link OutOfMemoryError}.
 */
@Tag("bounded-memory")
class BoundedMemoryUploadTests {

	private static final long SIZE = 256L * 1024 * 1024;

	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	@TempDir
	static Path directory;

	static ImgwireEmulator emulator;

	static Path file;

	static String sha256;

	@BeforeAll
	static void writeALargeFile() throws Exception {
		emulator = ImgwireEmulator.start();
		file = directory.resolve("large.png");
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		byte[] chunk = new byte[1024 * 1024];
		byte[] header = TestImages.png();
		try (OutputStream out = Files.newOutputStream(file)) {
			for (long written = 0; written < SIZE; written += chunk.length) {
				for (int i = 0; i < chunk.length; i++) {
					chunk[i] = (byte) ((written / chunk.length) * 31 + i);
				}
				if (written == 0) {
					System.arraycopy(header, 0, chunk, 0, header.length);
				}
				out.write(chunk);
				digest.update(chunk);
			}
		}
		sha256 = HexFormat.of().formatHex(digest.digest());
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void theHeapIsReallySmallerThanTheUpload() {
		assertThat(Runtime.getRuntime().maxMemory()).isLessThan(128L * 1024 * 1024).isLessThan(SIZE);
	}

	@Test
	void aFileLargerThanTheHeapIsHashedAndUploadedInConstantMemory() {
		Image image = client().upload(UploadSource.fromPath(file), UploadOptions.defaults().withComputeSha256(true))
			.block(TIMEOUT);

		assertThat(image.hashSha256()).isEqualTo(sha256);
		assertThat(emulator.state().storedSize(image.id())).isEqualTo(SIZE);
		assertThat(emulator.state().image(image.id()).orElseThrow().hashSha256()).isEqualTo(sha256);
	}

	@Test
	void aFileLargerThanTheHeapIsSentWithoutAHashInConstantMemory() {
		Image image = client().upload(UploadSource.fromPath(file), UploadOptions.defaults()).block(TIMEOUT);

		assertThat(image.mimeType()).isEqualTo(SupportedMimeType.PNG);
		assertThat(emulator.state().storedSize(image.id())).isEqualTo(SIZE);
	}

	@Test
	void aLargeOneShotStreamIsUploadedInConstantMemory() {
		UploadSource source = UploadSource.fromDataBuffers(
				DataBufferUtils.read(new FileSystemResource(file), DefaultDataBufferFactory.sharedInstance, 64 * 1024),
				SIZE);

		Image image = client().upload(source, UploadOptions.defaults().withMimeType(SupportedMimeType.PNG))
			.block(TIMEOUT);

		assertThat(emulator.state().storedSize(image.id())).isEqualTo(SIZE);
	}

	private static ImgwireImagesClient client() {
		return ImgwireImagesClient
			.builder(WebClient.builder(), ImgwireClientSettings.of(emulator.baseUrl(), emulator.serverKey()))
			.build();
	}

}
