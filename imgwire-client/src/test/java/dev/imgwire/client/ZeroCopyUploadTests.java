package dev.imgwire.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.HttpClient;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.error.ImgwireUploadException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A source held in a file goes out as a Netty {@link FileRegion} (the kernel copies the
 * file to the socket; the client never reads it), and is read through buffers only when
 * the connector cannot send files. What leaves the client is recorded at the head of
 * every connection's pipeline, below HTTP encoding.
 */
class ZeroCopyUploadTests extends EmulatorTestSupport {

	private static final int SIZE = 3 * 1024 * 1024 + 517;

	@TempDir
	Path directory;

	private final OutboundBytes outbound = new OutboundBytes();

	@Test
	void aFileIsSentAsAFileRegionAndStoredByteForByte() throws Exception {
		byte[] content = largePng();
		Path file = Files.write(this.directory.resolve("large.png"), content);

		Image image = client().upload(UploadSource.fromPath(file), UploadOptions.defaults()).block(TIMEOUT);

		assertThat(emulator.state().storedBytes(image.id()))
			.hasValueSatisfying((stored) -> assertThat(stored).as("the stored bytes").isEqualTo(content));
		assertThat(image.mimeType()).isEqualTo(SupportedMimeType.PNG);
		assertThat(this.outbound.fileRegionBytes.get()).isEqualTo(SIZE);
		// Headers and the small JSON requests only: the file went out as a region.
		assertThat(this.outbound.bufferBytes.get()).isLessThan(SIZE / 64);
	}

	@ParameterizedTest
	@ValueSource(strings = { "503", "reset" })
	void aRetriedPutSendsTheWholeFileAgainFromItsStart(String fault) throws Exception {
		if (fault.equals("503")) {
			emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).respondWith(503);
		}
		else {
			emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).resetConnection();
		}
		byte[] content = largePng();
		Path file = Files.write(this.directory.resolve("retried.png"), content);

		Image image = client().upload(UploadSource.fromPath(file), UploadOptions.defaults()).block(TIMEOUT);

		assertThat(emulator.faults().injected(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(1);
		assertThat(emulator.state().storedBytes(image.id()))
			.hasValueSatisfying((stored) -> assertThat(stored).as("the stored bytes").isEqualTo(content));
		// The last attempt sent the whole file as a region, whatever the first had sent.
		assertThat(this.outbound.fileRegionBytes.get()).isGreaterThanOrEqualTo(SIZE);
	}

	@Test
	void aHashedFileIsHashedFirstThenSentAsAFileRegion() throws Exception {
		byte[] content = largePng();
		Path file = Files.write(this.directory.resolve("hashed.png"), content);

		Image image = client().upload(UploadSource.fromPath(file), UploadOptions.defaults().withComputeSha256(true))
			.block(TIMEOUT);

		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		assertThat(image.hashSha256()).isEqualTo(sha256);
		assertThat(emulator.state().storedBytes(image.id()))
			.hasValueSatisfying((stored) -> assertThat(stored).as("the stored bytes").isEqualTo(content));
		assertThat(this.outbound.fileRegionBytes.get()).isEqualTo(SIZE);
	}

	@Test
	void aFileSystemResourceAndASpooledStreamAreSentAsFileRegions() throws Exception {
		byte[] content = largePng();
		Path file = Files.write(this.directory.resolve("resource.png"), content);
		ImgwireImagesClient client = client();

		Image fromResource = client
			.upload(UploadSource.fromResource(new FileSystemResource(file)), UploadOptions.defaults())
			.block(TIMEOUT);
		Image fromStream = client
			.upload(UploadSource.fromInputStream(new ByteArrayInputStream(content)), UploadOptions.defaults())
			.block(TIMEOUT);

		assertThat(emulator.state().storedBytes(fromResource.id()))
			.hasValueSatisfying((stored) -> assertThat(stored).as("the stored bytes").isEqualTo(content));
		assertThat(emulator.state().storedBytes(fromStream.id()))
			.hasValueSatisfying((stored) -> assertThat(stored).as("the stored bytes").isEqualTo(content));
		assertThat(this.outbound.fileRegionBytes.get()).isEqualTo(2L * SIZE);
	}

	@Test
	void aFileGrownAfterItsLengthWasDeclaredFailsBeforeAnyByteIsSent() throws Exception {
		byte[] content = largePng();
		Path file = Files.write(this.directory.resolve("grown.png"), content);
		// The length is declared when the record is created; the file grows after it.
		ImgwireImagesClient client = ImgwireImagesClient.builder(this.webClientBuilder().filter((request, next) -> {
			if (request.method().name().equals("PUT")) {
				try {
					Files.write(file, new byte[] { 1, 2, 3 }, StandardOpenOption.APPEND);
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return next.exchange(request);
		}), settings()).retryPolicy(FAST_RETRIES).build();

		assertThatThrownBy(() -> client.upload(UploadSource.fromPath(file), UploadOptions.defaults()).block(TIMEOUT))
			.isInstanceOf(ImgwireUploadException.class)
			.hasMessageContaining(String.valueOf(SIZE));
		assertThat(this.outbound.fileRegionBytes.get()).isZero();
	}

	@Test
	void overAConnectorThatCannotSendFilesTheFileIsReadAndStoredByteForByte() throws Exception {
		byte[] content = largePng();
		Path file = Files.write(this.directory.resolve("jdk.png"), content);
		ImgwireImagesClient client = ImgwireImagesClient
			.builder(WebClient.builder().clientConnector(new JdkClientHttpConnector()), settings())
			.build();

		Image image = client.upload(UploadSource.fromPath(file), UploadOptions.defaults()).block(TIMEOUT);

		assertThat(emulator.state().storedBytes(image.id()))
			.hasValueSatisfying((stored) -> assertThat(stored).as("the stored bytes").isEqualTo(content));
	}

	@Override
	ImgwireClientBuilder<ImgwireImagesClient> clientBuilder(ImgwireClientSettings settings) {
		return ImgwireImagesClient.builder(webClientBuilder(), settings).retryPolicy(FAST_RETRIES);
	}

	private WebClient.Builder webClientBuilder() {
		HttpClient httpClient = HttpClient.create()
			.doOnChannelInit((observer, channel, address) -> channel.pipeline().addFirst(this.outbound));
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient));
	}

	private static byte[] largePng() {
		byte[] content = new byte[SIZE];
		for (int i = 0; i < SIZE; i++) {
			content[i] = (byte) (i * 31 + (i >>> 13));
		}
		byte[] header = TestImages.png();
		System.arraycopy(header, 0, content, 0, header.length);
		return content;
	}

	/**
	 * Counts what the client writes to its connections, as Netty hands it to the socket.
	 */
	@ChannelHandler.Sharable
	static final class OutboundBytes extends ChannelOutboundHandlerAdapter {

		final AtomicLong fileRegionBytes = new AtomicLong();

		final AtomicLong bufferBytes = new AtomicLong();

		@Override
		public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
			if (message instanceof FileRegion region) {
				promise.addListener((future) -> {
					if (future.isSuccess()) {
						this.fileRegionBytes.addAndGet(region.count());
					}
				});
			}
			else if (message instanceof ByteBuf buffer) {
				this.bufferBytes.addAndGet(buffer.readableBytes());
			}
			context.write(message, promise);
		}

	}

}
