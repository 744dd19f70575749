package dev.imgwire.spring.boot.autoconfigure.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.state.EmulatedImage;
import dev.imgwire.spring.boot.autoconfigure.ImgwireEmulatorExtension;
import dev.imgwire.spring.boot.autoconfigure.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each of the three timeouts ends a call with a typed exception naming the method and the
 * path template, within the test's own bound; a stalled presigned PUT is retried or fails
 * without leaving its source file open.
 *
 * @author Imgwire
 */
class TimeoutTests {

	private static final Duration BLOCK = Duration.ofSeconds(20);

	@RegisterExtension
	static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();

	@TempDir
	static Path directory;

	private final ApplicationContextRunner contextRunner = ImgwireEmulatorExtension.contextRunner()
		.withPropertyValues("imgwire.retry.initial-delay=1ms", "imgwire.retry.max-delay=20ms",
				"imgwire.retry.max-retries=2");

	private ApplicationContextRunner emulatorRunner() {
		return emulator.runner(this.contextRunner);
	}

	/**
	 * A loopback listener that never accepts, whose backlog is full: the kernel drops
	 * further SYNs, so a connect hangs until the connect timeout. No other address is
	 * ever contacted.
	 */
	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aConnectTimeoutIsATypedTimeoutNamingTheRequest() throws IOException {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Backlog backlog = Backlog.fill((InetSocketAddress) listener.getLocalSocketAddress())) {
			this.contextRunner
				.withPropertyValues("imgwire.base-url=http://127.0.0.1:" + listener.getLocalPort(),
						"imgwire.server-key=sk_test_connect", "imgwire.connect-timeout=300ms")
				.run((context) -> assertThatExceptionOfType(ImgwireTimeoutException.class)
					.isThrownBy(() -> context.getBean(ImgwireImagesClient.class).list(1, 1).block(BLOCK))
					.satisfies((ex) -> {
						assertThat(ex.getMethod()).isEqualTo("GET");
						assertThat(ex.getPathTemplate()).isEqualTo("/api/v1/images/");
						assertThat(ex).hasMessage("GET /api/v1/images/ failed: connect timeout elapsed");
						// A connect timeout is retried: nothing was sent.
						assertThat(ex.getAttempts()).isEqualTo(3);
					}));
		}
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void aResponseTimeoutIsATypedTimeoutNamingTheRequest() {
		emulatorRunner().withPropertyValues("imgwire.response-timeout=300ms").run((context) -> {
			emulator.faults().next(EmulatorOperation.RETRIEVE, 3).stall(Duration.ofSeconds(5));
			assertThatExceptionOfType(ImgwireTimeoutException.class)
				.isThrownBy(() -> context.getBean(ImgwireImagesClient.class)
					.retrieve("7b0c3a52-3f41-4d6e-9a55-3b8f0b1c2d3e")
					.block(BLOCK))
				.satisfies((ex) -> {
					assertThat(ex.getMethod()).isEqualTo("GET");
					assertThat(ex.getPathTemplate()).isEqualTo("/api/v1/images/{image_id}");
					assertThat(ex).hasMessage(
							"GET /api/v1/images/{image_id} failed: no complete response within the response timeout (300ms)")
						.hasMessageNotContaining("7b0c3a52");
					assertThat(ex.getAttempts()).isEqualTo(3);
				});
			assertThat(emulator.faults().injected(EmulatorOperation.RETRIEVE)).isEqualTo(3);
		});
	}

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void anUploadTimeoutIsATypedTimeoutNamingThePutAndLeavesNoBytes() {
		emulatorRunner().withPropertyValues("imgwire.response-timeout=10s", "imgwire.upload-timeout=300ms")
			.run((context) -> {
				emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 3).stall(Duration.ofSeconds(5));
				assertThatExceptionOfType(ImgwireTimeoutException.class)
					.isThrownBy(() -> context.getBean(ImgwireImagesClient.class)
						.upload(UploadSource.fromBytes(TestImages.png(2, 2)),
								UploadOptions.defaults().withFileName("t.png"))
						.block(BLOCK))
					.satisfies((ex) -> {
						assertThat(ex.getMethod()).isEqualTo("PUT");
						assertThat(ex.getPathTemplate()).isEqualTo("{upload_url}");
						assertThat(ex).hasMessageStartingWith("PUT {upload_url} failed: upload not complete within");
						assertThat(ex.getAttempts()).isEqualTo(3);
					});
				assertThat(emulator.state().images()).singleElement().satisfies((image) -> {
					assertThat(image.status()).isEqualTo("PENDING");
					assertThat(emulator.state().storedSize(image.id())).isEqualTo(-1);
				});
			});
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aStalledPutOfAFileIsRetriedAndTheFileIsClosed() throws Exception {
		Path file = largeImage("retried.png");
		emulatorRunner().withPropertyValues("imgwire.response-timeout=10s", "imgwire.upload-timeout=1s")
			.run((context) -> {
				emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).stall(Duration.ofSeconds(3));
				Image image = context.getBean(ImgwireImagesClient.class)
					.upload(UploadSource.fromPath(file), UploadOptions.defaults())
					.block(BLOCK);
				assertThat(emulator.state().storedSize(image.id())).isEqualTo(Files.size(file));
				assertThat(emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(2);
			});
		assertThat(awaitNoOpenHandle(file)).as("open handles on the source file").isZero();
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aPutThatStaysStalledFailsCleanlyAndTheFileIsClosed() throws Exception {
		Path file = largeImage("stalled.png");
		emulatorRunner().withPropertyValues("imgwire.response-timeout=10s", "imgwire.upload-timeout=500ms")
			.run((context) -> {
				emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 3).stall(Duration.ofSeconds(3));
				assertThatExceptionOfType(ImgwireTransportException.class)
					.isThrownBy(() -> context.getBean(ImgwireImagesClient.class)
						.upload(UploadSource.fromPath(file), UploadOptions.defaults())
						.block(BLOCK))
					.isInstanceOf(ImgwireTimeoutException.class)
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3));
				EmulatedImage image = emulator.state().images().get(0);
				assertThat(image.status()).isEqualTo("PENDING");
			});
		assertThat(awaitNoOpenHandle(file)).as("open handles on the source file").isZero();
	}

	/**
	 * A real PNG followed by padding: larger than the loopback socket buffers, so that a
	 * stalled server leaves the client in the middle of reading the file.
	 */
	private static Path largeImage(String name) throws IOException {
		byte[] png = TestImages.png(8, 8);
		byte[] content = new byte[16 * 1024 * 1024];
		System.arraycopy(png, 0, content, 0, png.length);
		return Files.write(directory.resolve(name), content);
	}

	private static long awaitNoOpenHandle(Path file) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		long open = openHandles(file);
		while (open > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
			open = openHandles(file);
		}
		return open;
	}

	/**
	 * File descriptors of this process that point at the file, from
	 * {@code /proc/self/fd}.
	 */
	private static long openHandles(Path file) throws IOException {
		Path real = file.toRealPath();
		try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
			return descriptors.filter((descriptor) -> {
				try {
					return Files.readSymbolicLink(descriptor).equals(real);
				}
				catch (IOException | UnsupportedOperationException ex) {
					return false;
				}
			}).count();
		}
	}

	/**
	 * Connections that fill a listener's accept queue.
	 */
	private static final class Backlog implements AutoCloseable {

		private final List<Socket> sockets;

		private Backlog(List<Socket> sockets) {
			this.sockets = sockets;
		}

		static Backlog fill(InetSocketAddress address) throws IOException {
			List<Socket> sockets = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				Socket socket = new Socket();
				try {
					socket.connect(address, 200);
					sockets.add(socket);
				}
				catch (SocketTimeoutException ex) {
					socket.close();
					return new Backlog(sockets);
				}
			}
			sockets.forEach(Backlog::closeQuietly);
			throw new IllegalStateException("The listen backlog did not fill up");
		}

		@Override
		public void close() {
			this.sockets.forEach(Backlog::closeQuietly);
		}

		private static void closeQuietly(Socket socket) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Ignore
			}
		}

	}

}
