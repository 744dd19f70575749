package dev.imgwire.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.imgwire.emulator.state.EmulatedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The presigned PUT: signature checks, streaming to disk, declared length and type, the
 * PROCESSING to READY or QUARANTINE verdict, and delivery through the CDN.
 */
class PresignedUploadTests {

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@Test
	void uploadedPngBecomesReadyWithDimensionsSizeAndHash() throws Exception {
		byte[] png = SampleImages.png(64, 48);
		String id = this.running.http().upload("cat.png", "image/png", png);
		JsonNode image = this.running.http().retrieve(id);
		assertThat(image.get("status").stringValue()).isEqualTo("READY");
		assertThat(image.get("width").intValue()).isEqualTo(64);
		assertThat(image.get("height").intValue()).isEqualTo(48);
		assertThat(image.get("size_bytes").longValue()).isEqualTo(png.length);
		assertThat(image.get("hash_sha256").stringValue()).isEqualTo(sha256(png));
		assertThat(image.get("can_upload").booleanValue()).isFalse();
		assertThat(image.get("is_directly_deliverable").booleanValue()).isTrue();
		assertThat(image.get("processed_metadata_at").isNull()).isFalse();
		assertThat(this.running.emulator().state().storedBytes(UUID.fromString(id))).hasValue(png);
	}

	@Test
	void jpegGifAndBmpDimensionsAreReadFromTheirHeaders() {
		assertDimensions("a.jpg", "image/jpeg", SampleImages.jpeg(30, 20), 30, 20);
		assertDimensions("a.gif", "image/gif", SampleImages.gif(7, 9), 7, 9);
		assertDimensions("a.bmp", "image/bmp", SampleImages.bmp(11, 5), 11, 5);
	}

	@Test
	void putResponseIsEmptyWithTheHashAsEtag() {
		byte[] png = SampleImages.png(2, 2);
		JsonNode created = this.running.http().createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
		HttpResponse<String> put = this.running.http().put(created.get("upload_url").stringValue(), png, "image/png");
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(put.body()).isEmpty();
		assertThat(put.headers().firstValue("ETag")).hasValue("\"" + sha256(png) + "\"");
	}

	@Test
	void tamperedSignatureIsForbidden() {
		String url = this.running.http().createUpload("{\"file_name\":\"a.png\"}").get("upload_url").stringValue();
		String tampered = url.substring(0, url.length() - 4) + "0000";
		HttpResponse<String> put = this.running.http().put(tampered, SampleImages.png(2, 2), "image/png");
		assertThat(put.statusCode()).isEqualTo(403);
		assertThat(TestHttp.json(put).get("error_type").stringValue()).isEqualTo("ResourceNotAuthorizedError");
	}

	@Test
	void extendedExpiryIsForbidden() {
		String url = this.running.http().createUpload("{\"file_name\":\"a.png\"}").get("upload_url").stringValue();
		String extended = url.replaceFirst("expires=(\\d+)", "expires=9999999999");
		assertThat(this.running.http().put(extended, SampleImages.png(2, 2), "image/png").statusCode()).isEqualTo(403);
	}

	@Test
	void uploadUrlOfAnotherImageIsForbidden() {
		String url = this.running.http().createUpload("{\"file_name\":\"a.png\"}").get("upload_url").stringValue();
		String other = this.running.http()
			.createUpload("{\"file_name\":\"b.png\"}")
			.get("image")
			.get("id")
			.stringValue();
		String swapped = url.replaceFirst("/upload/[0-9a-f-]+", "/upload/" + other);
		assertThat(this.running.http().put(swapped, SampleImages.png(2, 2), "image/png").statusCode()).isEqualTo(403);
	}

	@Test
	void expiredUploadUrlIsForbidden() {
		try (ImgwireEmulator expiring = ImgwireEmulator.builder().uploadUrlTtl(Duration.ZERO).start()) {
			TestHttp expiringHttp = new TestHttp(expiring);
			String url = expiringHttp.createUpload("{\"file_name\":\"a.png\"}").get("upload_url").stringValue();
			assertThat(expiringHttp.put(url, SampleImages.png(2, 2), "image/png").statusCode()).isEqualTo(403);
		}
	}

	@Test
	void bodyShorterThanDeclaredContentLengthIsRejectedAndTheUrlStaysUsable() {
		byte[] png = SampleImages.png(4, 4);
		JsonNode created = this.running.http()
			.createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\",\"content_length\":" + (png.length + 10)
					+ "}");
		String url = created.get("upload_url").stringValue();
		HttpResponse<String> put = this.running.http().put(url, png, "image/png");
		assertThat(put.statusCode()).isEqualTo(400);
		assertThat(TestHttp.json(put).get("error_type").stringValue()).isEqualTo("UploadMismatchError");
		UUID id = UUID.fromString(created.get("image").get("id").stringValue());
		assertThat(this.running.emulator().state().image(id)).get()
			.extracting(EmulatedImage::status)
			.isEqualTo("PENDING");
		assertThat(this.running.emulator().state().storedSize(id)).isEqualTo(-1);
		byte[] matching = new byte[png.length + 10];
		System.arraycopy(png, 0, matching, 0, png.length);
		assertThat(this.running.http().put(url, matching, "image/png").statusCode()).isEqualTo(200);
	}

	@Test
	void chunkedBodyWithWrongLengthIsRejectedAfterCounting() {
		byte[] png = SampleImages.png(4, 4);
		JsonNode created = this.running.http()
			.createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\",\"content_length\":" + (png.length - 1)
					+ "}");
		// A publisher of unknown length makes the JDK client send chunked transfer
		// encoding.
		HttpResponse<String> put = this.running.http()
			.send(this.running.http()
				.request(created.get("upload_url").stringValue())
				.header("Content-Type", "image/png")
				.PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(png))));
		assertThat(put.statusCode()).isEqualTo(400);
		assertThat(TestHttp.json(put).get("detail").stringValue()).contains(Integer.toString(png.length));
	}

	@Test
	void contentTypeDifferentFromDeclaredMimeTypeIsRejected() {
		JsonNode created = this.running.http().createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
		HttpResponse<String> put = this.running.http()
			.put(created.get("upload_url").stringValue(), SampleImages.png(2, 2), "image/jpeg");
		assertThat(put.statusCode()).isEqualTo(400);
		assertThat(TestHttp.json(put).get("detail").stringValue()).contains("image/jpeg").contains("image/png");
	}

	@Test
	void contentTypeParametersAreIgnored() {
		JsonNode created = this.running.http().createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
		HttpResponse<String> put = this.running.http()
			.put(created.get("upload_url").stringValue(), SampleImages.png(2, 2), "image/png; charset=binary");
		assertThat(put.statusCode()).isEqualTo(200);
	}

	@Test
	void secondPutAfterASuccessfulOneIsAConflict() {
		byte[] png = SampleImages.png(2, 2);
		JsonNode created = this.running.http().createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
		String url = created.get("upload_url").stringValue();
		assertThat(this.running.http().put(url, png, "image/png").statusCode()).isEqualTo(200);
		HttpResponse<String> second = this.running.http().put(url, png, "image/png");
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(TestHttp.json(second).get("error_type").stringValue()).isEqualTo("UploadConflictError");
	}

	@Test
	void nonImageBytesAreQuarantined() {
		String id = this.running.http()
			.upload("a.png", "image/png", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
		JsonNode image = this.running.http().retrieve(id);
		assertThat(image.get("status").stringValue()).isEqualTo("QUARANTINE");
		assertThat(image.get("processed_metadata_at").isNull()).isTrue();
		assertThat(image.get("is_directly_deliverable").booleanValue()).isFalse();
	}

	@Test
	void imageOfAnotherTypeThanDeclaredIsQuarantined() {
		String id = this.running.http().upload("a.png", "image/png", SampleImages.jpeg(4, 4));
		assertThat(this.running.http().retrieve(id).get("status").stringValue()).isEqualTo("QUARANTINE");
	}

	@Test
	void truncatedPngIsQuarantined() {
		byte[] png = SampleImages.png(4, 4);
		byte[] signatureOnly = Arrays.copyOf(png, 12);
		String id = this.running.http().upload("a.png", "image/png", signatureOnly);
		assertThat(this.running.http().retrieve(id).get("status").stringValue()).isEqualTo("QUARANTINE");
	}

	@Test
	void bytesHashingDifferentlyThanDeclaredAreQuarantined() {
		byte[] png = SampleImages.png(4, 4);
		JsonNode created = this.running.http()
			.createUpload(
					"{\"file_name\":\"a.png\",\"mime_type\":\"image/png\",\"hash_sha256\":\"" + "0".repeat(64) + "\"}");
		assertThat(this.running.http().put(created.get("upload_url").stringValue(), png, "image/png").statusCode())
			.isEqualTo(200);
		JsonNode image = this.running.http().retrieve(created.get("image").get("id").stringValue());
		assertThat(image.get("status").stringValue()).isEqualTo("QUARANTINE");
	}

	@Test
	void matchingDeclaredHashIsAccepted() throws Exception {
		byte[] png = SampleImages.png(4, 4);
		JsonNode created = this.running.http()
			.createUpload(
					"{\"file_name\":\"a.png\",\"mime_type\":\"image/png\",\"hash_sha256\":\"" + sha256(png) + "\"}");
		this.running.http().put(created.get("upload_url").stringValue(), png, "image/png");
		assertThat(
				this.running.http().retrieve(created.get("image").get("id").stringValue()).get("status").stringValue())
			.isEqualTo("READY");
	}

	@Test
	void typeGuessedFromFileNameIsCorrectedFromTheBytes() {
		JsonNode created = this.running.http().createUpload("{\"file_name\":\"photo.png\"}");
		HttpResponse<String> put = this.running.http()
			.put(created.get("upload_url").stringValue(), SampleImages.jpeg(8, 8), null);
		assertThat(put.statusCode()).isEqualTo(200);
		JsonNode image = this.running.http().retrieve(created.get("image").get("id").stringValue());
		assertThat(image.get("status").stringValue()).isEqualTo("READY");
		assertThat(image.get("mime_type").stringValue()).isEqualTo("image/jpeg");
		assertThat(image.get("extension").stringValue()).isEqualTo("jpg");
	}

	@Test
	void imageStaysProcessingDuringTheProcessingDelay() {
		try (ImgwireEmulator slow = ImgwireEmulator.builder().processingDelay(Duration.ofMinutes(10)).start()) {
			TestHttp slowHttp = new TestHttp(slow);
			String id = slowHttp.upload("a.png", "image/png", SampleImages.png(3, 3));
			JsonNode image = slowHttp.retrieve(id);
			assertThat(image.get("status").stringValue()).isEqualTo("PROCESSING");
			assertThat(image.get("processed_metadata_at").isNull()).isTrue();
		}
	}

	@Test
	void processingDelayEndsInReady() {
		try (ImgwireEmulator slow = ImgwireEmulator.builder().processingDelay(Duration.ofMillis(50)).start()) {
			TestHttp slowHttp = new TestHttp(slow);
			String id = slowHttp.upload("a.png", "image/png", SampleImages.png(3, 3));
			Await.until("the image is READY", () -> slowHttp.retrieve(id).get("status").stringValue().equals("READY"));
		}
	}

	@Test
	void largeUploadIsStreamedAndHashed() throws Exception {
		long size = 24L * 1024 * 1024;
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		JsonNode created = this.running.http()
			.createUpload("{\"file_name\":\"big.bmp\",\"mime_type\":\"image/bmp\",\"content_length\":" + size + "}");
		HttpResponse<String> put = this.running.http()
			.send(this.running.http()
				.request(created.get("upload_url").stringValue())
				.header("Content-Type", "image/bmp")
				.PUT(HttpRequest.BodyPublishers.fromPublisher(new PatternPublisher(size, digest), size)));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		UUID id = UUID.fromString(created.get("image").get("id").stringValue());
		assertThat(this.running.emulator().state().storedSize(id)).isEqualTo(size);
		assertThat(this.running.emulator().state().image(id).get().hashSha256())
			.isEqualTo(HexFormat.of().formatHex(digest.digest()));
		assertThat(this.running.emulator().state().openPutStreams()).isZero();
	}

	@Test
	void uploadAboveTheSizeLimitIsRejected() {
		try (ImgwireEmulator limited = ImgwireEmulator.builder().maxUploadBytes(100).start()) {
			TestHttp limitedHttp = new TestHttp(limited);
			JsonNode created = limitedHttp.createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
			HttpResponse<String> put = limitedHttp.put(created.get("upload_url").stringValue(), new byte[101],
					"image/png");
			assertThat(put.statusCode()).isEqualTo(413);
			assertThat(limited.state().openPutStreams()).isZero();
		}
	}

	@Test
	void chunkedUploadAboveTheSizeLimitIsStoppedWhileTheBodyStreams(@TempDir Path parent) throws IOException {
		try (ImgwireEmulator limited = ImgwireEmulator.builder()
			.maxUploadBytes(1024)
			.storageDirectory(parent)
			.start()) {
			TestHttp limitedHttp = new TestHttp(limited);
			JsonNode created = limitedHttp.createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
			String url = created.get("upload_url").stringValue();
			UUID id = UUID.fromString(created.get("image").get("id").stringValue());
			List<byte[]> chunks = Collections.nCopies(8, new byte[1024]);
			// Without a known length the JDK client sends the body chunked, so there is
			// no Content-Length to reject up front: only the limit on received bytes
			// stops it.
			HttpResponse<String> put = limitedHttp.send(limitedHttp.request(url)
				.header("Content-Type", "image/png")
				.PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(chunks))));
			assertThat(put.statusCode()).as(put.body()).isEqualTo(413);
			assertThat(TestHttp.json(put).get("error_type").stringValue()).isEqualTo("PayloadTooLargeError");
			assertThat(limited.state().openPutStreams()).isZero();
			assertThat(limited.state().storedBytes(id)).isEmpty();
			assertThat(limited.state().image(id).get().status()).isEqualTo("PENDING");
			try (Stream<Path> files = Files.walk(parent)) {
				assertThat(files.filter(Files::isRegularFile)).isEmpty();
			}
			byte[] png = SampleImages.png(2, 2);
			assertThat(limitedHttp.put(url, png, "image/png").statusCode()).isEqualTo(200);
			assertThat(limited.state().storedBytes(id)).hasValue(png);
		}
	}

	@Test
	void abortedPutReleasesItsFileAndLeavesTheImagePending() throws Exception {
		byte[] png = SampleImages.png(4, 4);
		JsonNode created = this.running.http().createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
		URI url = URI.create(created.get("upload_url").stringValue());
		try (Socket socket = new Socket(url.getHost(), url.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: " + url.getHost()
					+ "\r\nContent-Type: image/png\r\nContent-Length: " + png.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(png, 0, png.length / 2);
			out.flush();
			Await.until("the PUT body is being written", () -> this.running.emulator().state().openPutStreams() == 1);
		}
		Await.until("the aborted PUT released its file", () -> this.running.emulator().state().openPutStreams() == 0);
		UUID id = UUID.fromString(created.get("image").get("id").stringValue());
		assertThat(this.running.emulator().state().image(id).get().status()).isEqualTo("PENDING");
		assertThat(this.running.http().put(url.toString(), png, "image/png").statusCode()).isEqualTo(200);
	}

	@Test
	void cdnServesTheOriginalBytesWithTheirContentType() {
		byte[] png = SampleImages.png(5, 5);
		String id = this.running.http().upload("a.png", "image/png", png);
		String cdnUrl = this.running.http().retrieve(id).get("cdn_url").stringValue();
		HttpResponse<byte[]> response = this.running.http().getBytes(cdnUrl);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(png.length);
		assertThat(response.body()).isEqualTo(png);
	}

	@Test
	void cdnIsNotFoundBeforeUploadAndAfterDelete() {
		JsonNode created = this.running.http().createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
		String cdnUrl = created.get("image").get("cdn_url").stringValue();
		assertThat(this.running.http().getBytes(cdnUrl).statusCode()).isEqualTo(404);
		this.running.http().put(created.get("upload_url").stringValue(), SampleImages.png(2, 2), "image/png");
		assertThat(this.running.http().getBytes(cdnUrl).statusCode()).isEqualTo(200);
		this.running.http()
			.delete("/api/v1/images/" + created.get("image").get("id").stringValue(),
					this.running.emulator().serverKey());
		assertThat(this.running.http().getBytes(cdnUrl).statusCode()).isEqualTo(404);
	}

	@Test
	void putToADeletedImageIsNotFound() {
		JsonNode created = this.running.http().createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
		this.running.http()
			.delete("/api/v1/images/" + created.get("image").get("id").stringValue(),
					this.running.emulator().serverKey());
		assertThat(this.running.http()
			.put(created.get("upload_url").stringValue(), SampleImages.png(2, 2), "image/png")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void receivedFileIsDiscardedWhenTheImageCannotBeStored(@TempDir Path parent) throws IOException {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().storageDirectory(parent).start()) {
			TestHttp http = new TestHttp(emulator);
			JsonNode created = http.createUpload("{\"file_name\":\"a.png\",\"mime_type\":\"image/png\"}");
			Path incomingFolder = BrokenStorage.blockImagesFolder(parent);
			HttpResponse<String> response = http.put(created.get("upload_url").stringValue(), SampleImages.png(2, 2),
					"image/png");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
			try (Stream<Path> incoming = Files.list(incomingFolder)) {
				assertThat(incoming).isEmpty();
			}
		}
	}

	private void assertDimensions(String fileName, String mimeType, byte[] bytes, int width, int height) {
		JsonNode image = this.running.http().retrieve(this.running.http().upload(fileName, mimeType, bytes));
		assertThat(image.get("status").stringValue()).as(fileName).isEqualTo("READY");
		assertThat(image.get("width").intValue()).as(fileName).isEqualTo(width);
		assertThat(image.get("height").intValue()).as(fileName).isEqualTo(height);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A BMP header followed by generated bytes, produced on demand so the test itself
	 * never holds the whole body.
	 */
	private static final class PatternPublisher implements Flow.Publisher<ByteBuffer> {

		private final long size;

		private final MessageDigest digest;

		PatternPublisher(long size, MessageDigest digest) {
			this.size = size;
			this.digest = digest;
		}

		@Override
		public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
			subscriber.onSubscribe(new Flow.Subscription() {

				private long sent;

				private boolean done;

				@Override
				public synchronized void request(long n) {
					for (long i = 0; i < n && !this.done; i++) {
						if (this.sent >= PatternPublisher.this.size) {
							this.done = true;
							subscriber.onComplete();
							return;
						}
						int length = (int) Math.min(64 * 1024, PatternPublisher.this.size - this.sent);
						byte[] chunk = new byte[length];
						for (int j = 0; j < length; j++) {
							chunk[j] = (byte) ((this.sent + j) * 31);
						}
						if (this.sent == 0) {
							byte[] header = SampleImages.bmp(8, 8);
							System.arraycopy(header, 0, chunk, 0, Math.min(54, length));
						}
						PatternPublisher.this.digest.update(chunk);
						this.sent += length;
						subscriber.onNext(ByteBuffer.wrap(chunk));
					}
				}

				@Override
				public synchronized void cancel() {
					this.done = true;
				}

			});
		}

	}

}
