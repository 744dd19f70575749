package dev.imgwire.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireAuthenticationException;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireRateLimitException;
import dev.imgwire.client.error.ImgwireResponseException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.client.error.ImgwireUploadException;
import dev.imgwire.client.error.ImgwireValidationException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.retry.ImgwireRetryPolicy;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.state.EmulatedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-response half of the reliability catalog: answers that are not what the API
 * promises each end in a typed exception that says what was wrong, or are tolerated where
 * the API may legitimately grow (an unknown enum value). Nothing hangs: every case is
 * verified within a bound. Retries are off, so each case shows how the first such answer
 * is read; the few answers a retry does repair are checked at the end of the table with
 * the client's retries on.
 */
class BadResponseCatalogTests extends EmulatorTestSupport {

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	private static final String ID = "6a1f3e2d-4b5c-4d7e-8f90-1a2b3c4d5e6f";

	/**
	 * A syntactically valid image whose status and MIME type are values this client does
	 * not know, and whose timestamps have no offset.
	 */
	private static final String FUTURE_IMAGE = "{\"id\":\"" + ID + "\",\"status\":\"ARCHIVED\","
			+ "\"mime_type\":\"image/svg+xml\",\"original_filename\":\"a.svg\",\"cdn_url\":\"http://cdn.example/a\","
			+ "\"extension\":\"svg\",\"width\":1,\"height\":1,\"size_bytes\":3,\"can_upload\":false,"
			+ "\"created_at\":\"2026-05-01T10:00:00\",\"updated_at\":\"2026-05-01T10:00:00.123456\","
			+ "\"custom_metadata\":{\"k\":\"v\"},\"exif_data\":{},\"brand_new_field\":{\"nested\":[1,2]}}";

	static Stream<Arguments> badResponses() {
		List<Arguments> cases = new ArrayList<>();
		add(cases, "malformed JSON",
				(e) -> e.faults().next(EmulatorOperation.RETRIEVE, 1).respondRaw(200, JSON, "{\"id\": "),
				(c) -> c.retrieve(ID), failsWith(ImgwireResponseException.class, "GET /api/v1/images/{image_id}",
						"returned HTTP 200", "malformed or incomplete"));
		add(cases, "an HTML page instead of JSON", (e) -> e.faults()
			.next(EmulatorOperation.LIST, 1)
			.respondRaw(200, Map.of("Content-Type", "text/html"), "<!DOCTYPE html><html><body>Sign in</body></html>"),
				(c) -> c.list(1, 10), failsWith(ImgwireResponseException.class, "GET /api/v1/images/", "HTML"));
		add(cases, "an HTML error page from a proxy",
				(e) -> e.faults()
					.next(EmulatorOperation.RETRIEVE, 1)
					.respondRaw(502, Map.of("Content-Type", "text/html"), "<html><h1>502 Bad Gateway</h1></html>"),
				(c) -> c.retrieve(ID),
				failsWith(ImgwireServerException.class, "HTTP 502", "<html><h1>502 Bad Gateway</h1></html>"));
		add(cases, "a body cut short by the connection",
				(e) -> e.faults().next(EmulatorOperation.LIST, 1).truncateBody(), (c) -> c.list(1, 10),
				failsWith(ImgwireTransportException.class, "GET /api/v1/images/",
						"before the response body was complete"));
		add(cases, "JSON that stops early under a matching length",
				(e) -> e.faults()
					.next(EmulatorOperation.RETRIEVE, 1)
					.respondRaw(200, JSON, FUTURE_IMAGE.substring(0, 40)),
				(c) -> c.retrieve(ID), failsWith(ImgwireResponseException.class, "malformed or incomplete"));
		add(cases, "an empty body where JSON is expected",
				(e) -> e.faults().next(EmulatorOperation.RETRIEVE, 1).respondRaw(200, JSON, ""), (c) -> c.retrieve(ID),
				failsWith(ImgwireResponseException.class, "the body is empty"));
		add(cases, "an empty body on token creation",
				(e) -> e.faults().next(EmulatorOperation.CREATE_UPLOAD_TOKEN, 1).respondRaw(201, Map.of(), ""),
				(c) -> c.createUploadToken(),
				failsWith(ImgwireResponseException.class, "POST /api/v1/images/token", "the body is empty"));
		add(cases, "JSON null", (e) -> e.faults().next(EmulatorOperation.RETRIEVE, 1).respondRaw(200, JSON, "null"),
				(c) -> c.retrieve(ID), failsWith(ImgwireResponseException.class, "JSON null"));
		add(cases, "an object where a list is expected",
				(e) -> e.faults().next(EmulatorOperation.LIST, 1).respondRaw(200, JSON, "{\"items\":[]}"),
				(c) -> c.list(1, 10), failsWith(ImgwireResponseException.class, "expected a JSON array"));
		add(cases, "a field of the wrong type",
				(e) -> e.faults().next(EmulatorOperation.RETRIEVE, 1).respondRaw(200, JSON, "{\"id\":[1,2,3]}"),
				(c) -> c.retrieve(ID), failsWith(ImgwireResponseException.class, "Image"));
		add(cases, "an unknown status and MIME type (tolerated)",
				(e) -> e.faults().next(EmulatorOperation.RETRIEVE, 1).respondRaw(200, JSON, FUTURE_IMAGE),
				(c) -> c.retrieve(ID), (Consumer<Object>) (value) -> {
					Image image = (Image) value;
					assertThat(image.status()).isEqualTo(ImageStatus.UNKNOWN);
					assertThat(image.mimeType()).isEqualTo(SupportedMimeType.UNKNOWN);
					assertThat(image.customMetadata()).containsEntry("k", "v");
					assertThat(image.createdAt().getOffset().getTotalSeconds()).isZero();
				});
		add(cases, "a huge error body",
				(e) -> e.faults()
					.next(EmulatorOperation.RETRIEVE, 1)
					.respondRaw(500, Map.of("Content-Type", "text/plain"), "E".repeat(200_000)),
				(c) -> c.retrieve(ID), (Consumer<Object>) (value) -> {
					assertThat(value).isInstanceOf(ImgwireServerException.class);
					ImgwireServerException ex = (ImgwireServerException) value;
					assertThat(ex.getStatusCode()).isEqualTo(500);
					assertThat(ex.getDetail()).endsWith("… (truncated)").hasSizeLessThan(2100);
					assertThat(ex.getMessage()).hasSizeLessThan(2200).contains("GET /api/v1/images/{image_id}");
				});
		add(cases, "a huge JSON error detail",
				(e) -> e.faults()
					.next(EmulatorOperation.RETRIEVE, 1)
					.respondRaw(503, JSON, "{\"detail\":\"" + "d".repeat(20_000) + "\",\"error_type\":\"Busy\"}"),
				(c) -> c.retrieve(ID), (Consumer<Object>) (value) -> {
					ImgwireServerException ex = (ImgwireServerException) value;
					assertThat(ex.getErrorType()).isEqualTo("Busy");
					assertThat(ex.getMessage()).hasSizeLessThan(2200).contains("(truncated)");
				});
		add(cases, "garbage pagination headers (tolerated)",
				(e) -> e.faults()
					.next(EmulatorOperation.LIST, 1)
					.overrideHeaders(Map.of("X-Total-Count", "lots", "X-Page", "-3", "X-Limit", "0x10", "X-Next-Page",
							"None", "X-Prev-Page", "9999999999999999999")),
				(c) -> c.list(2, 10), (Consumer<Object>) (value) -> {
					Page<?> page = (Page<?>) value;
					assertThat(page.pagination().page()).isEqualTo(2);
					assertThat(page.pagination().limit()).isEqualTo(10);
					assertThat(page.pagination().nextPage()).isNull();
					assertThat(page.pagination().prevPage()).isNull();
					assertThat(page.pagination().totalCount()).isEqualTo(10);
				});
		add(cases, "a next page that points back (no endless loop)",
				(e) -> e.faults().next(EmulatorOperation.LIST, 5).overrideHeaders(Map.of("X-Next-Page", "1")),
				(c) -> c.listPages(10).collectList(),
				(Consumer<Object>) (value) -> assertThat((List<?>) value).hasSize(1));
		add(cases, "a validation error list", (e) -> e.faults()
			.next(EmulatorOperation.RETRIEVE, 1)
			.respondRaw(422, JSON,
					"{\"detail\":[{\"loc\":[\"path\",\"image_id\"],\"msg\":\"bad id\",\"type\":\"uuid_parsing\",\"ctx\":{}}]}"),
				(c) -> c.retrieve(ID), failsWith(ImgwireValidationException.class, "path.image_id: bad id"));
		add(cases, "a detail that is neither text nor a list",
				(e) -> e.faults()
					.next(EmulatorOperation.RETRIEVE, 1)
					.respondRaw(400, JSON, "{\"detail\":{\"why\":42}}"),
				(c) -> c.retrieve(ID), failsWith(ImgwireApiException.class, "HTTP 400", "{\"why\":42}"));
		add(cases, "an error echoing the key it refused",
				(e) -> e.faults()
					.next(EmulatorOperation.RETRIEVE, 1)
					.respondRaw(401, JSON,
							"{\"detail\":\"Bad key " + e.serverKey() + "\",\"error_type\":\"InvalidTokenError\"}"),
				(c) -> c.retrieve(ID), (Consumer<Object>) (value) -> {
					assertThat(value).isInstanceOf(ImgwireAuthenticationException.class);
					assertThat(((Throwable) value).getMessage()).contains("Bad key <redacted>")
						.doesNotContain(emulator.serverKey());
				});
		add(cases, "a Retry-After that is garbage",
				(e) -> e.faults().next(EmulatorOperation.LIST, 1).respondWith(429, "soon-ish"), (c) -> c.list(1, 10),
				(Consumer<Object>) (value) -> {
					assertThat(value).isInstanceOf(ImgwireRateLimitException.class);
					assertThat(((ImgwireRateLimitException) value).getRetryAfter()).isNull();
				});
		add(cases, "a status the API does not document",
				(e) -> e.faults().next(EmulatorOperation.RETRIEVE, 1).respondRaw(418, JSON, "{\"detail\":\"teapot\"}"),
				(c) -> c.retrieve(ID), failsWith(ImgwireApiException.class, "HTTP 418", "teapot"));
		add(cases, "a create answer without an upload URL",
				(e) -> e.faults()
					.next(EmulatorOperation.STANDARD_UPLOAD, 1)
					.respondRaw(200, JSON, "{\"image\":" + FUTURE_IMAGE + "}"),
				(c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
						UploadOptions.defaults().withFileName("n.png")),
				failsWith(ImgwireUploadException.class, "upload_url", "not an absolute http(s) URL"));
		add(cases, "a create answer whose upload URL is a local file",
				(e) -> e.faults()
					.next(EmulatorOperation.STANDARD_UPLOAD, 1)
					.respondRaw(200, JSON, "{\"image\":" + FUTURE_IMAGE + ",\"upload_url\":\"file:///etc/passwd\"}"),
				(c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
						UploadOptions.defaults().withFileName("f.png")),
				failsWith(ImgwireUploadException.class, "not an absolute http(s) URL"));
		add(cases, "a create answer whose upload URL is relative",
				(e) -> e.faults()
					.next(EmulatorOperation.STANDARD_UPLOAD, 1)
					.respondRaw(200, JSON, "{\"image\":" + FUTURE_IMAGE + ",\"upload_url\":\"/upload/x?signature=s\"}"),
				(c) -> c.upload(UploadSource.fromBytes(TestImages.png()),
						UploadOptions.defaults().withFileName("r.png")),
				failsWith(ImgwireUploadException.class, "not an absolute http(s) URL"));
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badResponses")
	void aBadResponseEndsInATypedOutcomeThatSaysWhatWasWrong(Consumer<ImgwireEmulator> arrange,
			Function<ImgwireImagesClient, Mono<?>> call, Consumer<Object> outcome) {
		ImgwireImagesClient client = clientBuilder().retryPolicy(ImgwireRetryPolicy.disabled()).build();
		arrange.accept(emulator);
		AtomicReference<Object> result = new AtomicReference<>();

		StepVerifier.create(call.apply(client).materialize())
			.assertNext((signal) -> result.set(signal.hasError() ? signal.getThrowable() : signal.get()))
			.expectComplete()
			.verify(Duration.ofSeconds(10));

		assertThat(result.get()).as("outcome").isNotNull();
		outcome.accept(result.get());
		// No half-made record: a bad answer never leaves an image behind.
		assertThat(emulator.state().images()).isEmpty();
	}

	/**
	 * With retries on, a create whose answer was cut short is sent again with the same
	 * idempotency key: one record, with its bytes.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("lostCreateAnswers")
	void aLostCreateAnswerIsRetriedIntoOneCompleteImage(Consumer<ImgwireEmulator> arrange) {
		arrange.accept(emulator);
		byte[] png = TestImages.png();

		Image image = client().upload(UploadSource.fromBytes(png), UploadOptions.defaults().withFileName("l.png"))
			.block(TIMEOUT);

		assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(2);
		assertThat(emulator.state().images()).singleElement().satisfies((stored) -> {
			assertThat(stored.id()).isEqualTo(image.id());
			assertThat(stored.status()).isEqualTo("READY");
		});
		assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
	}

	static Stream<Arguments> lostCreateAnswers() {
		return Stream.of(
				Arguments.of(Named.<Consumer<ImgwireEmulator>>of("body cut short",
						(e) -> e.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).truncateBody())),
				Arguments.of(Named.<Consumer<ImgwireEmulator>>of("response lost",
						(e) -> e.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).loseResponse())));
	}

	/**
	 * A stream that is shorter or longer than it said cannot be caught before the record
	 * is created (its length is only known once it was read). What holds instead: a typed
	 * error naming both lengths, the record stays PENDING, no byte is kept, and no
	 * half-written upload is left open in the emulator.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("mismatchedLengths")
	void aSourceOfTheWrongLengthLeavesAPendingRecordWithoutBytes(Function<byte[], UploadSource> source,
			long declaredOffset) throws InterruptedException {
		byte[] png = TestImages.png();
		long declared = png.length + declaredOffset;

		StepVerifier
			.create(client().upload(source.apply(png), UploadOptions.defaults().withMimeType(SupportedMimeType.PNG)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(ImgwireUploadException.class)
				.hasMessageContaining("length mismatch")
				.hasMessageContaining("declared " + declared + " bytes"))
			.verify(TIMEOUT);

		assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(1);
		List<EmulatedImage> images = emulator.state().images();
		assertThat(images).singleElement().satisfies((image) -> {
			assertThat(image.status()).isEqualTo("PENDING");
			assertThat(emulator.state().storedSize(image.id())).isEqualTo(-1);
		});
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (emulator.state().openPutStreams() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(emulator.state().openPutStreams()).isZero();
	}

	static Stream<Arguments> mismatchedLengths() {
		return Stream.of(
				Arguments.of(Named.<Function<byte[], UploadSource>>of("one-shot Flux shorter than declared",
						(png) -> UploadSource.fromDataBuffers(Flux.just(wrap(png)), png.length + 100)), 100L),
				Arguments.of(Named.<Function<byte[], UploadSource>>of("one-shot Flux longer than declared",
						(png) -> UploadSource.fromDataBuffers(Flux.just(wrap(png), wrap(new byte[64])), png.length)),
						0L),
				Arguments.of(Named.<Function<byte[], UploadSource>>of("replayable Flux shorter than declared",
						(png) -> UploadSource.fromDataBuffers(() -> Flux.just(wrap(png)), png.length + 1)), 1L),
				Arguments.of(Named.<Function<byte[], UploadSource>>of("replayable Flux longer than declared",
						(png) -> UploadSource.fromDataBuffers(() -> Flux.just(wrap(png), wrap(new byte[1])),
								png.length)),
						0L));
	}

	private static DataBuffer wrap(byte[] bytes) {
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes.clone());
	}

	private static Consumer<Object> failsWith(Class<? extends ImgwireException> type, String... fragments) {
		return (value) -> {
			assertThat(value).isInstanceOf(type);
			assertThat(((Throwable) value).getMessage()).contains(fragments);
		};
	}

	private static void add(List<Arguments> cases, String name, Consumer<ImgwireEmulator> arrange,
			Function<ImgwireImagesClient, Mono<?>> call, Consumer<Object> outcome) {
		cases.add(Arguments.of(Named.of(name, arrange), call, outcome));
	}

}
