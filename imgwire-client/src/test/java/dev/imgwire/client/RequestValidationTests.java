package dev.imgwire.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.FileSystemResource;

import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.model.UploadViaUrlRequest;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every documented constraint is checked before anything is sent: the call returns a
 * failing publisher (never throws), the failure names the field and the rule, and the
 * emulator sees no request.
 */
class RequestValidationTests extends EmulatorTestSupport {

	private static final String ID = "3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b";

	@TempDir
	static Path directory;

	static Stream<Arguments> invalidRequests() {
		List<Arguments> cases = new ArrayList<>();
		add(cases, "null image id", (c) -> c.retrieve(null), "image_id", "must not be null");
		add(cases, "blank image id", (c) -> c.retrieve("  "), "image_id", "must not be blank");
		add(cases, "image id that is not a UUID", (c) -> c.retrieve("cat.png"), "image_id", "must be a UUID");
		add(cases, "image id in a loose UUID form", (c) -> c.delete("1-1-1-1-1"), "image_id", "must be a UUID");
		add(cases, "job id that is not a UUID", (c) -> c.retrieveDownloadJob("job-1"), "image_download_job_id",
				"must be a UUID");
		add(cases, "null job id when waiting", (c) -> c.awaitDownloadJob(null, Duration.ofSeconds(1)),
				"image_download_job_id", "must not be null");
		add(cases, "bad id when waiting for ready", (c) -> c.awaitReady("x", Duration.ofSeconds(1)), "image_id",
				"must be a UUID");
		add(cases, "negative wait for a job", (c) -> c.awaitDownloadJob(ID, Duration.ofSeconds(-1)), "timeout",
				"positive");
		add(cases, "null id list", (c) -> c.bulkDelete(null), "image_ids", "must not be null");
		add(cases, "empty id list", (c) -> c.bulkDelete(List.of()), "image_ids", "at least one");
		add(cases, "null element in id list", (c) -> c.createDownloadJob(Arrays.asList(ID, null)), "image_ids[1]",
				"must not be null");
		add(cases, "bad third id", (c) -> c.bulkDelete(List.of(ID, ID, "nope")), "image_ids[2]", "must be a UUID");
		add(cases, "page zero", (c) -> c.list(0, 10), "page", "at least 1");
		add(cases, "limit zero", (c) -> c.list(1, 0), "limit", "between 1 and 100");
		add(cases, "limit above 100", (c) -> c.list(1, 101), "limit", "between 1 and 100");
		add(cases, "limit above 100 for pages", (c) -> c.listPages(500), "limit", "between 1 and 100");
		add(cases, "limit zero for all", (c) -> c.listAll(0), "limit", "between 1 and 100");
		add(cases, "null standard upload", (c) -> c.createStandardUpload(null), "request", "must not be null");
		add(cases, "null file name", (c) -> c.createStandardUpload(StandardUploadRequest.of(null)), "file_name",
				"must not be null");
		add(cases, "empty file name", (c) -> c.createStandardUpload(StandardUploadRequest.of("")), "file_name",
				"must not be empty");
		add(cases, "negative content length",
				(c) -> c.createStandardUpload(StandardUploadRequest.of("a.png").withContentLength(-1L)),
				"content_length", "at least 0");
		add(cases, "empty hash", (c) -> c.createStandardUpload(StandardUploadRequest.of("a.png").withHashSha256("")),
				"hash_sha256", "between 1 and 255");
		add(cases, "hash too long",
				(c) -> c.createStandardUpload(StandardUploadRequest.of("a.png").withHashSha256("a".repeat(256))),
				"hash_sha256", "between 1 and 255");
		add(cases, "idempotency key too long",
				(c) -> c.createStandardUpload(StandardUploadRequest.of("a.png").withIdempotencyKey("k".repeat(256))),
				"idempotency_key", "between 1 and 255");
		add(cases, "empty purpose", (c) -> c.createStandardUpload(StandardUploadRequest.of("a.png").withPurpose("")),
				"purpose", "between 1 and 255");
		add(cases, "UNKNOWN mime type",
				(c) -> c
					.createStandardUpload(StandardUploadRequest.of("a.png").withMimeType(SupportedMimeType.UNKNOWN)),
				"mime_type", "UNKNOWN");
		add(cases, "nested map in metadata",
				(c) -> c.createStandardUpload(
						StandardUploadRequest.of("a.png").withCustomMetadata(Map.of("nested", Map.of("a", 1)))),
				"custom_metadata.nested", "not a map");
		add(cases, "list in metadata",
				(c) -> c.createStandardUpload(
						StandardUploadRequest.of("a.png").withCustomMetadata(Map.of("tags", List.of("a", "b")))),
				"custom_metadata.tags", "not a collection");
		add(cases, "array in metadata",
				(c) -> c.createStandardUpload(
						StandardUploadRequest.of("a.png").withCustomMetadata(Map.of("bytes", new int[] { 1 }))),
				"custom_metadata.bytes", "not a collection");
		add(cases, "null value in metadata",
				(c) -> c.createStandardUpload(StandardUploadRequest.of("a.png").withCustomMetadata(nullValue())),
				"custom_metadata.owner", "must not be null");
		add(cases, "empty key in metadata",
				(c) -> c.createStandardUpload(StandardUploadRequest.of("a.png").withCustomMetadata(Map.of("", "x"))),
				"custom_metadata", "keys must not be empty");
		add(cases, "date in metadata",
				(c) -> c.createStandardUpload(
						StandardUploadRequest.of("a.png").withCustomMetadata(Map.of("when", java.time.Instant.EPOCH))),
				"custom_metadata.when", "string, integer, number or boolean");
		add(cases, "NaN in metadata",
				(c) -> c.createStandardUpload(
						StandardUploadRequest.of("a.png").withCustomMetadata(Map.of("n", Double.NaN))),
				"custom_metadata.n", "finite");
		add(cases, "blank upload token", (c) -> c.createStandardUpload(StandardUploadRequest.of("a.png"), " "),
				"upload_token", "must not be blank");
		add(cases, "null upload via url", (c) -> c.uploadViaUrl(null), "request", "must not be null");
		add(cases, "relative url", (c) -> c.uploadViaUrl(UploadViaUrlRequest.of("/images/cat.png")), "url", "absolute");
		add(cases, "file url", (c) -> c.uploadViaUrl(UploadViaUrlRequest.of("file:///etc/passwd")), "url",
				"http or https");
		add(cases, "ftp url", (c) -> c.uploadViaUrl(UploadViaUrlRequest.of("ftp://example.com/cat.png")), "url",
				"http or https");
		add(cases, "url without host", (c) -> c.uploadViaUrl(UploadViaUrlRequest.of("http:///cat.png")), "url", "host");
		add(cases, "blank url", (c) -> c.uploadViaUrl(UploadViaUrlRequest.of("")), "url", "must not be blank");
		add(cases, "empty file name for url",
				(c) -> c.uploadViaUrl(UploadViaUrlRequest.of("https://example.com/a.png").withFileName("")),
				"file_name", "must not be empty");
		add(cases, "metadata for url",
				(c) -> c.uploadViaUrl(
						UploadViaUrlRequest.of("https://example.com/a.png").withCustomMetadata(Map.of("x", List.of()))),
				"custom_metadata.x", "not a collection");
		add(cases, "null upload source", (c) -> c.upload(null, UploadOptions.defaults()), "source", "must not be null");
		add(cases, "null upload options", (c) -> c.upload(UploadSource.fromBytes(new byte[] { 1 }), null), "options",
				"must not be null");
		add(cases, "missing file",
				(c) -> c.upload(UploadSource.fromPath(directory.resolve("missing.png")), UploadOptions.defaults()),
				"source", "does not exist");
		add(cases, "directory as file", (c) -> c.upload(UploadSource.fromPath(directory), UploadOptions.defaults()),
				"source", "not a directory");
		add(cases, "null path", (c) -> c.upload(UploadSource.fromPath(null), UploadOptions.defaults()), "source",
				"must not be null");
		add(cases, "null bytes", (c) -> c.upload(UploadSource.fromBytes(null), UploadOptions.defaults()), "source",
				"must not be null");
		add(cases, "negative declared length",
				(c) -> c.upload(UploadSource.fromDataBuffers(Flux.empty(), -5), UploadOptions.defaults()),
				"content_length", "at least 0");
		add(cases, "upload with empty file name",
				(c) -> c.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("")),
				"file_name", "must not be empty");
		add(cases, "upload with UNKNOWN mime type", (c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
				UploadOptions.defaults().withMimeType(SupportedMimeType.UNKNOWN)), "mime_type", "UNKNOWN");
		add(cases, "upload with long purpose", (c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
				UploadOptions.defaults().withPurpose("p".repeat(300))), "purpose", "between 1 and 255");
		add(cases, "upload with empty idempotency key", (c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
				UploadOptions.defaults().withIdempotencyKey("")), "idempotency_key", "between 1 and 255");
		add(cases, "upload with nested metadata",
				(c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
						UploadOptions.defaults().withCustomMetadata(Map.of("m", Map.of()))),
				"custom_metadata.m", "not a map");
		add(cases, "upload of unrecognisable bytes",
				(c) -> c.upload(UploadSource.fromBytes(new byte[] { 1, 2, 3 }), UploadOptions.defaults()), "mime_type",
				"could not be inferred");
		// Added by the reliability catalog (README-reliability.md).
		add(cases, "image id with a path traversal", (c) -> c.retrieve("../../etc/passwd"), "image_id",
				"must be a UUID");
		add(cases, "image id in braces", (c) -> c.delete("{" + ID + "}"), "image_id", "must be a UUID");
		add(cases, "image id with a trailing newline", (c) -> c.retrieve(ID + "\n"), "image_id", "must be a UUID");
		add(cases, "negative page", (c) -> c.list(-1, 10), "page", "at least 1");
		add(cases, "null id list for a download", (c) -> c.createDownloadJob(null), "image_ids", "must not be null");
		add(cases, "empty id list for a download", (c) -> c.createDownloadJob(List.of()), "image_ids", "at least one");
		add(cases, "null wait for ready", (c) -> c.awaitReady(ID, null), "timeout", "positive");
		add(cases, "null upload token", (c) -> c.createStandardUpload(StandardUploadRequest.of("a.png"), null),
				"upload_token", "must not be blank");
		add(cases, "unsupported mime type from the wire",
				(c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
						UploadOptions.defaults().withMimeType(SupportedMimeType.fromValue("image/svg+xml"))),
				"mime_type", "UNKNOWN");
		add(cases, "256-character purpose", (c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
				UploadOptions.defaults().withPurpose("p".repeat(256))), "purpose", "was 256");
		add(cases, "256-character idempotency key", (c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
				UploadOptions.defaults().withIdempotencyKey("k".repeat(256))), "idempotency_key", "was 256");
		add(cases, "256-character idempotency key for a url",
				(c) -> c.uploadViaUrl(
						UploadViaUrlRequest.of("https://example.com/a.png").withIdempotencyKey("k".repeat(256))),
				"idempotency_key", "was 256");
		add(cases, "javascript url", (c) -> c.uploadViaUrl(UploadViaUrlRequest.of("javascript:alert(1)")), "url",
				"http or https");
		add(cases, "url with a space", (c) -> c.uploadViaUrl(UploadViaUrlRequest.of("http://exa mple.com/a.png")),
				"url", "valid URI");
		add(cases, "a special file as the source (/dev/null)",
				(c) -> c.upload(UploadSource.fromPath(Path.of("/dev/null")), UploadOptions.defaults()), "source",
				"must be a regular file");
		add(cases, "an endless special file as the source (/dev/zero)",
				(c) -> c.upload(UploadSource.fromPath(Path.of("/dev/zero")), UploadOptions.defaults()), "source",
				"must be a regular file");
		add(cases, "a named pipe as the source",
				(c) -> c.upload(UploadSource.fromPath(fifo()), UploadOptions.defaults()), "source",
				"must be a regular file");
		// Mode 0200 in procfs: even root cannot read it, so this works where tests run as
		// root (where chmod does not make a file unreadable).
		add(cases, "a file not even root can read",
				(c) -> c.upload(UploadSource.fromPath(Path.of("/proc/sys/vm/drop_caches")), UploadOptions.defaults()),
				"source", "not readable");
		add(cases, "a missing resource",
				(c) -> c.upload(UploadSource.fromResource(new FileSystemResource(directory.resolve("gone.png"))),
						UploadOptions.defaults()),
				"source", "does not exist");
		add(cases, "a hash asked of a one-shot stream",
				(c) -> c.upload(UploadSource.fromDataBuffers(Flux.empty(), 0),
						UploadOptions.defaults().withMimeType(SupportedMimeType.PNG).withComputeSha256(true)),
				"source", "cannot be read twice");
		add(cases, "null one-shot stream",
				(c) -> c.upload(
						UploadSource.fromDataBuffers((Flux<org.springframework.core.io.buffer.DataBuffer>) null, 1),
						UploadOptions.defaults().withMimeType(SupportedMimeType.PNG)),
				"source", "must not be null");
		add(cases, "infinite number in metadata",
				(c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
						UploadOptions.defaults().withCustomMetadata(Map.of("ratio", Double.POSITIVE_INFINITY))),
				"custom_metadata.ratio", "finite");
		add(cases, "null value in upload metadata",
				(c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
						UploadOptions.defaults().withCustomMetadata(nullValue())),
				"custom_metadata.owner", "must not be null");
		add(cases, "list in url metadata", (c) -> c.uploadViaUrl(
				UploadViaUrlRequest.of("https://example.com/a.png").withCustomMetadata(Map.of("tags", List.of("a")))),
				"custom_metadata.tags", "not a collection");
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void anInvalidRequestFailsOnSubscriptionNamingFieldAndRuleAndSendsNothing(
			Function<ImgwireImagesClient, Publisher<?>> call, String field, String rule) {
		ImgwireImagesClient client = client();
		Publisher<?>[] publisher = new Publisher<?>[1];

		assertThatCode(() -> publisher[0] = call.apply(client)).doesNotThrowAnyException();

		StepVerifier.create(publisher[0]).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(ImgwireRequestValidationException.class);
			ImgwireRequestValidationException validation = (ImgwireRequestValidationException) ex;
			assertThat(validation.getField()).isEqualTo(field);
			assertThat(validation.getRule()).contains(rule);
			assertThat(validation.getMessage()).startsWith(field + ": ");
		}).verify(TIMEOUT);
		assertThat(emulator.state().totalRequests()).isZero();
	}

	@Test
	void anUnreadableFileIsRefusedBeforeAnyRequest() throws Exception {
		Path file = Files.write(directory.resolve("secret.png"), TestImages.png());
		assertThat(file.toFile().setReadable(false, false)).isTrue();
		try {
			Assumptions.assumeFalse(Files.isReadable(file), "running as a user who can read any file");

			StepVerifier.create(client().upload(UploadSource.fromPath(file), UploadOptions.defaults()))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireRequestValidationException.class)
					.hasMessageContaining("source")
					.hasMessageContaining("not readable"))
				.verify(TIMEOUT);
			assertThat(emulator.state().totalRequests()).isZero();
		}
		finally {
			file.toFile().setReadable(true, false);
		}
	}

	@Test
	void theRefusedTokenIsNotRepeatedInTheMessage() {
		String token = "   tok_secret   ";

		StepVerifier.create(client().createStandardUpload(StandardUploadRequest.of("a.png"), token))
			.expectErrorSatisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("tok_secret"))
			.verify(TIMEOUT);
	}

	@Test
	void validValuesAtTheLimitsAreAccepted() {
		ImgwireImagesClient client = client();

		StepVerifier.create(client.list(1, 100)).expectNextCount(1).verifyComplete();
		StepVerifier.create(client.createStandardUpload(StandardUploadRequest.of("a.png")
			.withContentLength(0L)
			.withHashSha256("h".repeat(255))
			.withIdempotencyKey("k".repeat(255))
			.withPurpose("p")
			.withCustomMetadata(
					Map.of("s", "x", "i", 1, "l", 2L, "d", 0.5, "b", false, "big", new java.math.BigDecimal("1.25")))))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(emulator.state().images()).hasSize(1);
	}

	/**
	 * A named pipe: reading it would block until a writer comes, so it must be refused
	 * before anything is read or sent.
	 */
	private static Path fifo() {
		Path fifo = directory.resolve("pipe.png");
		if (!Files.exists(fifo)) {
			try {
				Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
				Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
			}
			catch (java.io.IOException ex) {
				Assumptions.abort("mkfifo is not available: " + ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				Assumptions.abort("interrupted");
			}
		}
		return fifo;
	}

	private static Map<String, Object> nullValue() {
		Map<String, Object> metadata = new HashMap<>();
		metadata.put("owner", null);
		return metadata;
	}

	private static void add(List<Arguments> cases, String name, Function<ImgwireImagesClient, Publisher<?>> call,
			String field, String rule) {
		cases.add(Arguments.of(Named.of(name, call), field, rule));
	}

}
