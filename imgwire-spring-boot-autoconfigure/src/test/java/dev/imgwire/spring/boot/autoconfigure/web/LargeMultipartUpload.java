package dev.imgwire.spring.boot.autoconfigure.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.SampleImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multipart request far larger than the heap, sent by the JDK's {@link HttpClient} from
 * a generated stream: a real PNG followed by deterministic filler, hashed as it is
 * produced, so that no copy of it is ever held in memory.
 */
final class LargeMultipartUpload {

	static final long SIZE = 300L * 1024 * 1024;

	static final Duration TIMEOUT = Duration.ofMinutes(2);

	private final MessageDigest digest;

	private long peakHeapBytes;

	private Duration elapsed = Duration.ZERO;

	LargeMultipartUpload() {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Post the file as the {@code file} part of a multipart form.
	 * @param url the endpoint
	 * @return the response body
	 */
	String post(String url) throws IOException, InterruptedException {
		String boundary = "imgwire-" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
		long contentLength = head.length + SIZE + tail.length;
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(TIMEOUT)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers
				.ofInputStream(() -> new SequenceInputStream(new ByteArrayInputStream(head),
						new SequenceInputStream(new PngWithFiller(SIZE, this.digest), new ByteArrayInputStream(tail)))),
					contentLength))
			.build();
		resetPeakHeap();
		long start = System.nanoTime();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		this.elapsed = Duration.ofNanos(System.nanoTime() - start);
		this.peakHeapBytes = peakHeap();
		assertThat(response.statusCode()).as("status of the upload, body: %s", response.body()).isEqualTo(200);
		return response.body();
	}

	/**
	 * The SHA-256 of the file part's content as generated.
	 * @return lowercase hex
	 */
	String sha256() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

	long peakHeapBytes() {
		return this.peakHeapBytes;
	}

	Duration elapsed() {
		return this.elapsed;
	}

	String report(String what) {
		return String.format("%s: %d MiB in %.1f s, peak heap %d MiB of max %d MiB", what, SIZE >> 20,
				this.elapsed.toMillis() / 1000.0, this.peakHeapBytes >> 20, Runtime.getRuntime().maxMemory() >> 20);
	}

	/**
	 * Check that the emulator holds exactly this upload's bytes under the answered id,
	 * and that no spool file is left.
	 * @param emulator the emulator
	 * @param id the image id the application answered
	 * @param spool the client's spool directory
	 */
	void assertStoredByteForByte(ImgwireEmulator emulator, String id, Path spool)
			throws IOException, InterruptedException {
		UUID imageId = UUID.fromString(id);
		assertThat(emulator.state().storedSize(imageId)).isEqualTo(SIZE);
		assertThat(emulator.state().image(imageId).orElseThrow().hashSha256()).isEqualTo(sha256());
		assertThat(emulator.state().image(imageId).orElseThrow().originalFilename()).isEqualTo("large.png");
		assertThat(elapsed()).isLessThan(Duration.ofSeconds(90));
		assertEmpty(spool);
	}

	static void assertEmpty(Path directory) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline && !list(directory).isEmpty()) {
			Thread.sleep(20);
		}
		assertThat(list(directory)).as("files left in %s", directory).isEmpty();
	}

	private static List<Path> list(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.toList();
		}
	}

	private static void resetPeakHeap() {
		System.gc();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/**
	 * The sum of the heap pools' peaks: an upper bound of the heap used at any moment.
	 */
	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	/**
	 * A PNG, then filler up to a size, one reused 1 MiB block at a time; every byte read
	 * goes through the digest.
	 */
	private static final class PngWithFiller extends InputStream {

		private final long size;

		private final MessageDigest digest;

		private final byte[] header = SampleImages.png(4, 3);

		private final byte[] block = new byte[1024 * 1024];

		private long blockIndex = -1;

		private long position;

		PngWithFiller(long size, MessageDigest digest) {
			this.size = size;
			this.digest = digest;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.position >= this.size) {
				return -1;
			}
			int count = (int) Math.min(length, this.size - this.position);
			int done = 0;
			while (done < count) {
				long index = this.position / this.block.length;
				int within = (int) (this.position % this.block.length);
				if (index != this.blockIndex) {
					fill(index);
				}
				int chunk = Math.min(count - done, this.block.length - within);
				System.arraycopy(this.block, within, buffer, offset + done, chunk);
				this.position += chunk;
				done += chunk;
			}
			this.digest.update(buffer, offset, count);
			return count;
		}

		private void fill(long index) {
			for (int i = 0; i < this.block.length; i++) {
				this.block[i] = (byte) (index * 31 + i);
			}
			if (index == 0) {
				System.arraycopy(this.header, 0, this.block, 0, this.header.length);
			}
			this.blockIndex = index;
		}

	}

}
