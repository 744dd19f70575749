package dev.imgwire.emulator.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;

import dev.imgwire.emulator.processing.FetchedImage;
import dev.imgwire.emulator.processing.ImageInspector;
import dev.imgwire.emulator.processing.RemoteImageFetcher;
import dev.imgwire.emulator.processing.UploadProcessor;
import dev.imgwire.emulator.processing.UrlFetchException;
import dev.imgwire.emulator.routes.http.ApiRequest;
import dev.imgwire.emulator.routes.http.HttpReply;
import dev.imgwire.emulator.routes.http.RouteHandler;
import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.JsonBody;
import dev.imgwire.emulator.routes.wire.WireFormat;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.ImageDraft;
import dev.imgwire.emulator.state.ImageFormat;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageRegistration;

/**
 * {@code POST /api/v1/images/upload_via_url}: the emulator fetches the image itself and
 * answers with the bare {@code ImageSchema}, as PROCESSING.
 * <p>
 * A known idempotency key answers with the existing image without fetching again. Two
 * concurrent first attempts may both fetch, but only one record is created.
 *
 * @author imgwire
 */
final class UploadViaUrlHandler implements RouteHandler {

	private final EmulatorStore store;

	private final WireFormat wireFormat;

	private final RemoteImageFetcher fetcher;

	private final UploadProcessor processor;

	private final long maxBytes;

	UploadViaUrlHandler(EmulatorStore store, WireFormat wireFormat, RemoteImageFetcher fetcher,
			UploadProcessor processor, long maxBytes) {
		this.store = store;
		this.wireFormat = wireFormat;
		this.fetcher = fetcher;
		this.processor = processor;
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		return request.exchange().jsonBody().flatMap((body) -> {
			Request upload = Request.parse(body);
			Optional<ImageRecord> existing = (upload.idempotencyKey() != null)
					? this.store.images().findByIdempotencyKey(upload.idempotencyKey()) : Optional.empty();
			if (existing.isPresent()) {
				return Mono.just(existing.get());
			}
			return this.fetcher.fetch(upload.url(), this.store.blobs(), this.maxBytes)
				.onErrorMap(UrlFetchException.class, (ex) -> new ApiException(400, ex.getMessage(), "UrlFetchError"))
				.flatMap((fetched) -> storeOrDiscard(upload, fetched));
		}).map((image) -> HttpReply.json(200, this.wireFormat.image(image)));
	}

	private Mono<ImageRecord> storeOrDiscard(Request upload, FetchedImage fetched) {
		// The fetched file sits in the incoming folder until the processor moves it into
		// place; on any failure before that nothing else would ever delete it. Deleting
		// it after a successful move is a no-op, so every error may discard it.
		return Mono.defer(() -> store(upload, fetched))
			.doOnError((ex) -> this.store.blobs().discard(fetched.blob().file()));
	}

	private Mono<ImageRecord> store(Request upload, FetchedImage fetched) {
		Optional<ImageFormat> format = Optional.ofNullable(upload.format())
			.or(() -> ImageFormat.ofMimeType(stripParameters(fetched.contentType())))
			.or(() -> sniff(fetched))
			.or(() -> ImageFormat.ofFileName(upload.url().getPath()));
		if (format.isEmpty()) {
			return Mono.error(new ApiException(400, "The content at " + upload.url() + " is not a supported image type",
					"UrlFetchError"));
		}
		ImageDraft draft = new ImageDraft(fileName(upload, format.get()), format.get(), upload.format() != null, null,
				null, upload.idempotencyKey(), upload.purpose(), upload.metadata(), null);
		ImageRegistration registration = this.store.images().createUnlessKnown(draft, this.store.now());
		if (!registration.created()) {
			// A concurrent attempt with the same key won; its image answers for both.
			this.store.blobs().discard(fetched.blob().file());
			return Mono.just(registration.image());
		}
		return this.processor.accept(registration.image().id(), fetched.blob()).defaultIfEmpty(registration.image());
	}

	private static Optional<ImageFormat> sniff(FetchedImage fetched) {
		try {
			return Optional.ofNullable(ImageInspector.inspect(fetched.blob().file()).format());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String fileName(Request upload, ImageFormat format) {
		if (upload.fileName() != null) {
			return upload.fileName();
		}
		String path = upload.url().getRawPath();
		String last = (path != null) ? path.substring(path.lastIndexOf('/') + 1) : "";
		String decoded;
		try {
			decoded = QueryStringDecoder.decodeComponent(last);
		}
		catch (IllegalArgumentException ex) {
			decoded = last;
		}
		return decoded.isBlank() ? "image." + format.extension() : decoded;
	}

	private static @Nullable String stripParameters(String contentType) {
		if (contentType == null) {
			return null;
		}
		int semicolon = contentType.indexOf(';');
		return (semicolon >= 0) ? contentType.substring(0, semicolon) : contentType;
	}

	private record Request(URI url, String fileName, ImageFormat format, String idempotencyKey, String purpose,
			Map<String, Object> metadata) {

		static Request parse(JsonBody body) {
			URI url = body.requiredHttpUrl("url");
			String fileName = body.optionalString("file_name", 1, Integer.MAX_VALUE);
			ImageFormat format = body.optionalMimeType("mime_type");
			String idempotencyKey = body.optionalString("idempotency_key", 1, 255);
			String purpose = body.optionalString("purpose", 1, 255);
			Map<String, Object> metadata = body.metadata("custom_metadata");
			body.validate();
			return new Request(url, fileName, format, idempotencyKey, purpose, metadata);
		}

	}

}
