package dev.imgwire.emulator.routes;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;

import dev.imgwire.emulator.processing.Chunks;
import dev.imgwire.emulator.processing.UploadProcessor;
import dev.imgwire.emulator.routes.http.ApiRequest;
import dev.imgwire.emulator.routes.http.Exchange;
import dev.imgwire.emulator.routes.http.HttpReply;
import dev.imgwire.emulator.routes.http.RouteHandler;
import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.Uuids;
import dev.imgwire.emulator.state.BlobTooLargeException;
import dev.imgwire.emulator.state.BlobWriter;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageStatus;
import dev.imgwire.emulator.state.ReceivedBlob;

/**
 * {@code PUT <upload_url>}: receives the raw bytes of a PENDING image.
 * <p>
 * The body is streamed to disk while being counted and hashed, so uploads of any size
 * cost one buffer. Mismatches with what {@code standard_upload} declared are rejected
 * with 400; a second PUT after a successful one is a 409 Conflict, while a failed or
 * aborted PUT leaves the URL usable for a retry.
 * <p>
 * A PUT holds the image while its body arrives; a concurrent PUT is a 409. The hold ends
 * with the PUT: when its connection drops, or when its body stalls for the idle timeout
 * (a 408), its partial file is deleted and the next PUT may proceed.
 *
 * @author imgwire
 */
final class PresignedPutHandler implements RouteHandler {

	private final EmulatorStore store;

	private final UploadUrlSigner signer;

	private final UploadProcessor processor;

	private final long maxBytes;

	PresignedPutHandler(EmulatorStore store, UploadUrlSigner signer, UploadProcessor processor, long maxBytes) {
		this.store = store;
		this.signer = signer;
		this.processor = processor;
		this.maxBytes = maxBytes;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		Exchange exchange = request.exchange();
		UUID id = Uuids.parse(request.pathVariable("image_id"))
			.orElseThrow(() -> ApiException.notFound("Image not found"));
		if (!this.signer.verify(id, exchange.queryParam("expires").orElse(null),
				exchange.queryParam("signature").orElse(null), this.store.now())) {
			throw ApiException.notAuthorized("Upload URL signature is invalid or has expired");
		}
		ImageRecord image = this.store.images().find(id).orElseThrow(() -> ApiException.notFound("Image not found"));
		if (image.status() != ImageStatus.PENDING) {
			throw alreadyUploaded();
		}
		checkDeclarations(image, exchange);
		if (!this.store.images().claimUpload(id)) {
			throw new ApiException(409, "Another upload of this image is in progress", "UploadConflictError");
		}
		return Mono
			.using(() -> this.store.blobs().openUpload(this.maxBytes),
					(BlobWriter writer) -> exchange.bodyChunks()
						.doOnNext((chunk) -> Chunks.append(writer, chunk))
						.then(Mono.fromCallable(writer::finish)),
					Chunks::closeQuietly)
			.onErrorMap((ex) -> ex.getCause() instanceof BlobTooLargeException, (ex) -> tooLarge())
			.flatMap((blob) -> accept(image, blob))
			.doFinally((signal) -> this.store.images().releaseUpload(id));
	}

	private void checkDeclarations(ImageRecord image, Exchange exchange) {
		if (image.formatDeclared()) {
			String contentType = Optional.ofNullable(exchange.header(HttpHeaderNames.CONTENT_TYPE))
				.map((value) -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
				.orElse("");
			if (!contentType.equals(image.format().mimeType())) {
				throw new ApiException(400, "Content-Type '" + contentType + "' does not match the declared mime_type '"
						+ image.format().mimeType() + "'", "UploadMismatchError");
			}
		}
		String length = exchange.header(HttpHeaderNames.CONTENT_LENGTH);
		if (length != null) {
			long announced = parseLength(length);
			if (image.declaredContentLength() != null && announced != image.declaredContentLength()) {
				throw lengthMismatch(announced, image.declaredContentLength());
			}
			if (announced > this.maxBytes) {
				throw tooLarge();
			}
		}
	}

	private Mono<HttpReply> accept(ImageRecord image, ReceivedBlob blob) {
		Long declared = image.declaredContentLength();
		if (declared != null && blob.size() != declared) {
			this.store.blobs().discard(blob.file());
			return Mono.error(lengthMismatch(blob.size(), declared));
		}
		// Discarding after a successful move into place finds nothing, so every failure
		// may do it.
		return this.processor.accept(image.id(), blob)
			.map((received) -> HttpReply.empty(200).header("ETag", "\"" + blob.sha256() + "\""))
			.switchIfEmpty(Mono.error(() -> ApiException.notFound("Image not found")))
			.doOnError((ex) -> this.store.blobs().discard(blob.file()));
	}

	private static ApiException alreadyUploaded() {
		return new ApiException(409, "Image has already been uploaded", "UploadConflictError");
	}

	private static ApiException lengthMismatch(long actual, long declared) {
		return new ApiException(400, "Received " + actual + " bytes but content_length declared " + declared + " bytes",
				"UploadMismatchError");
	}

	private ApiException tooLarge() {
		return new ApiException(413, "Upload exceeds the maximum of " + this.maxBytes + " bytes",
				"PayloadTooLargeError");
	}

	private static long parseLength(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new ApiException(400, "Invalid Content-Length header", "UploadMismatchError");
		}
	}

}
