package dev.imgwire.client.images;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireUploadException;
import dev.imgwire.client.internal.ImgwireTransport;
import dev.imgwire.client.internal.ResponseReader;
import dev.imgwire.client.internal.http.ConcealedQuery;
import dev.imgwire.client.internal.http.Deadline;
import dev.imgwire.client.internal.http.SecretRedactor;
import dev.imgwire.client.internal.http.UploadBody;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.client.retry.ImgwireRetryReason;
import dev.imgwire.client.upload.ContentDigest;
import dev.imgwire.client.upload.MimeTypeInference;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.client.upload.UploadSpool;
import dev.imgwire.client.validation.RequestValidator;

/**
 * The upload helper: spool a source of unknown length, infer the type (and hash, when
 * asked), create the record, stream the bytes to the presigned URL, then fetch the image
 * or wait for {@code READY}. A failure after the record was created names its id
 * ({@link ImgwireException#getImageId()}). One {@code images.upload} observation with
 * {@code images.create} and {@code images.put} children.
 *
 * @author Imgwire
 */
final class ImageUploads {

	private final ImgwireImagesClient images;

	private final ImgwireTransport transport;

	private final Deadline deadline;

	private final boolean awaitReadyByDefault;

	private final Duration readyTimeout;

	private final ResponseReader<Void> discard;

	private final UploadSpool spool;

	ImageUploads(ImgwireImagesClient images, ImgwireTransport transport, Duration uploadTimeout,
			Duration responseTimeout, boolean awaitReadyByDefault, Duration readyTimeout, UploadSpool spool) {
		this.images = images;
		this.spool = spool;
		this.transport = transport;
		this.deadline = Deadline.upload(uploadTimeout, responseTimeout);
		this.awaitReadyByDefault = awaitReadyByDefault;
		this.readyTimeout = readyTimeout;
		this.discard = transport.discard();
	}

	Mono<Image> upload(UploadSource source, UploadOptions options) {
		return this.transport.observe(ImgwireOperation.UPLOAD, (context) -> {
			RequestValidator.notNull("source", source);
			RequestValidator.uploadOptions(options);
			source.validate();
			// A source of unknown length is spooled first, so that its length is known
			// before the record is created.
			return this.spool.prepare(source, (ready) -> upload(context, source, ready, options));
		});
	}

	private Mono<Image> upload(ImgwireClientObservationContext context, UploadSource original, UploadSource source,
			UploadOptions options) {
		if (source != original) {
			source.validate();
		}
		long length = source.length();
		RequestValidator.contentLength(length);
		if (options.computeSha256() && !source.isReplayable()) {
			throw new ImgwireRequestValidationException("source",
					"a one-shot stream cannot be read twice; use a replayable source to compute hash_sha256");
		}
		// Chosen once for the whole upload, so that every retry of the create carries
		// the same key.
		String idempotencyKey = (options.idempotencyKey() != null) ? options.idempotencyKey()
				: ImgwireTransport.newIdempotencyKey();
		String sourceName = (options.fileName() != null) ? options.fileName() : source.fileName();
		AtomicLong uploaded = new AtomicLong();
		context.setUploadedBytes(0);
		Mono<Optional<String>> hash = options.computeSha256() ? ContentDigest.sha256(source).map(Optional::of)
				: Mono.just(Optional.empty());
		return MimeTypeInference.infer(source, options.mimeType(), sourceName)
			.flatMap((mimeType) -> hash.flatMap((sha256) -> {
				String fileName = (sourceName != null && !sourceName.isBlank()) ? sourceName
						: "upload." + mimeType.extension();
				StandardUploadRequest request = new StandardUploadRequest(fileName, mimeType, length,
						sha256.orElse(null), idempotencyKey, options.purpose(), options.customMetadata());
				return this.images.createStandardUpload(request).flatMap((created) -> {
					String imageId = String.valueOf(created.image().id());
					context.setImageId(imageId);
					return putBytes(created, source, mimeType, uploaded)
						.then(Mono.defer(() -> afterUpload(created.image(), options)))
						.onErrorMap((ex) -> namingImage(ex, imageId));
				});
			}))
			.doOnEach((signal) -> context.setUploadedBytes(uploaded.get()));
	}

	/**
	 * Name the created image on a failure that came after its record was created, so that
	 * the caller can delete it or upload again.
	 */
	private static Throwable namingImage(Throwable failure, String imageId) {
		ImgwireException named = (failure instanceof ImgwireException imgwireException) ? imgwireException
				: new ImgwireUploadException(
						"The upload of the created image failed (" + failure.getClass().getSimpleName() + ")", failure);
		named.setImageId(imageId);
		return named;
	}

	private Mono<Image> afterUpload(Image image, UploadOptions options) {
		boolean await = (options.awaitReady() != null) ? options.awaitReady() : this.awaitReadyByDefault;
		String id = String.valueOf(image.id());
		return await ? this.images.awaitReady(id, this.readyTimeout) : this.images.retrieve(id);
	}

	private Mono<Void> putBytes(StandardUpload created, UploadSource source, SupportedMimeType mimeType,
			AtomicLong uploaded) {
		return this.transport.observe(ImgwireOperation.PUT_BYTES, (context) -> {
			context.setImageId(String.valueOf(created.image().id()));
			context.setUploadedBytes(0);
			URI target = uploadUri(created.uploadUrl());
			long length = source.length();
			// Object stores echo single parameters (S3's <SignatureProvided>), not only
			// the whole URL or query.
			SecretRedactor redactor = this.transport.redactor()
				.and(created.uploadUrl())
				.and(target.getRawQuery())
				.andQueryValues(target.getRawQuery());
			// The query of a presigned URL is its credential (see ConcealedQuery).
			ConcealedQuery query = (target.getRawQuery() != null && !target.getRawQuery().isEmpty())
					? ConcealedQuery.of(target.getRawQuery()) : null;
			String imageId = String.valueOf(created.image().id());
			ResponseReader<Void> reader = this.discard.whenAlreadyDone(() -> confirmDelivered(imageId, length));
			return this.transport
				.send(context, reader,
						() -> attempt(context, target, query, redactor, source, mimeType, length, uploaded))
				.doOnEach((signal) -> context.setUploadedBytes(uploaded.get()));
		});
	}

	/**
	 * A retried PUT answered 409: an earlier attempt whose answer was lost may have
	 * delivered the bytes, or may still hold the upload without them and fail yet. Only
	 * the record tells, so it is read before the upload is reported done.
	 */
	private Mono<Void> confirmDelivered(String imageId, long length) {
		return this.images.retrieve(imageId).flatMap((image) -> {
			boolean delivered = image.status() != ImageStatus.PENDING && image.status() != ImageStatus.UNKNOWN
					&& image.sizeBytes() == length;
			if (delivered) {
				return Mono.empty();
			}
			ImgwireUploadException failure = new ImgwireUploadException("The bytes of image " + imageId
					+ " did not arrive: a retried PUT was answered 409 Conflict while the image is " + image.status()
					+ " with " + image.sizeBytes() + " of " + length + " bytes; upload it again or delete it");
			failure.setImageId(imageId);
			return Mono.error(failure);
		});
	}

	private Mono<Void> attempt(ImgwireClientObservationContext context, URI target, @Nullable ConcealedQuery query,
			SecretRedactor redactor, UploadSource source, SupportedMimeType mimeType, long length,
			AtomicLong uploaded) {
		Mono<Void> put = this.transport.exchange(context,
				(rawQuery) -> this.transport.uploads()
					.put()
					.uri((rawQuery != null) ? ConcealedQuery.withQuery(target, rawQuery) : target)
					.attribute(ImgwireTransport.URI_TEMPLATE_ATTRIBUTE,
							Objects.requireNonNull(ImgwireOperation.PUT_BYTES.pathTemplate()))
					.contentLength(length)
					.contentType(MediaType.parseMediaType(mimeType.value()))
					.body(body(source, length, uploaded)),
				query, this.deadline, redactor, this.discard);
		if (source.isReplayable()) {
			return put;
		}
		// A one-shot stream is gone after the first attempt: say so rather than let a
		// retry fail obscurely.
		return put.onErrorMap((ex) -> ImgwireRetryReason.of(ex).isPresent(),
				(ex) -> new ImgwireUploadException(
						"The upload failed (" + ex.getMessage()
								+ ") and cannot be retried: the source is a one-shot stream that cannot be replayed",
						ex));
	}

	/**
	 * The bytes of one attempt: a source held in a file is sent zero-copy when the
	 * connector can, whether or not it was hashed first (the hash is a separate read).
	 */
	private static BodyInserter<Flux<DataBuffer>, ClientHttpRequest> body(UploadSource source, long length,
			AtomicLong uploaded) {
		Path file = source.localFile();
		return (file != null) ? UploadBody.ofFile(file, source::content, length, uploaded)
				: UploadBody.of(source::content, length, uploaded);
	}

	private static URI uploadUri(String uploadUrl) {
		try {
			URI uri = new URI(uploadUrl);
			if (uri.isAbsolute()
					&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
				return uri;
			}
		}
		catch (URISyntaxException | RuntimeException ex) {
			// Reported below, without the URL, which is a credential.
		}
		throw new ImgwireUploadException("The upload_url returned by the API is not an absolute http(s) URL");
	}

}
