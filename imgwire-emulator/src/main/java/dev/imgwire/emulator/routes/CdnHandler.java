package dev.imgwire.emulator.routes;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.cdn.CdnVariants;
import dev.imgwire.emulator.cdn.InvalidTransformationException;
import dev.imgwire.emulator.cdn.TransformationPlan;
import dev.imgwire.emulator.cdn.TransformationRequest;
import dev.imgwire.emulator.cdn.Variant;
import dev.imgwire.emulator.routes.http.ApiRequest;
import dev.imgwire.emulator.routes.http.HttpReply;
import dev.imgwire.emulator.routes.http.RouteHandler;
import dev.imgwire.emulator.routes.http.UrlDecoding;
import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.Endpoints;
import dev.imgwire.emulator.routes.wire.Uuids;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageStatus;

/**
 * {@code GET <cdn_url>[@preset][?params]}: the original bytes, or a variant transformed
 * by preset and parameters (see {@link TransformationRequest} for what is rejected with a
 * 400 {@value #INVALID}, and {@link TransformationPlan} for what is applied).
 * Quarantined, pending and deleted images are not delivered.
 * <p>
 * Responses carry {@code Cache-Control: public, max-age=31536000, immutable}, since the
 * bytes of an image id never change, and a strong {@code ETag} (the SHA-256 of the bytes
 * served) that {@code If-None-Match} is checked against; the original of an image still
 * PROCESSING has no ETag yet. Emulator-only headers say what was not done:
 * {@value #IGNORED} lists the parameters without effect, {@value #UNTRANSFORMED} why the
 * original was served instead of a transformation, and {@value #CACHE} whether a variant
 * came from the cache.
 * <p>
 * Each delivery (200 or 304) counts as a CDN request with the bytes sent, and as a
 * transformation when it named a preset or a transformation parameter.
 *
 * @author imgwire
 */
final class CdnHandler implements RouteHandler {

	static final String IGNORED = "X-Imgwire-Emulator-Ignored";

	static final String UNTRANSFORMED = "X-Imgwire-Emulator-Untransformed";

	static final String CACHE = "X-Imgwire-Emulator-Cache";

	/**
	 * The {@code error_type} of a rejected transformation; the docs name none, so this is
	 * the emulator's choice.
	 */
	static final String INVALID = "InvalidTransformationError";

	private static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

	private final EmulatorStore store;

	private final Endpoints endpoints;

	private final CdnVariants variants;

	CdnHandler(EmulatorStore store, Endpoints endpoints, CdnVariants variants) {
		this.store = store;
		this.endpoints = endpoints;
		this.variants = variants;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		try {
			return deliver(request).onErrorMap(CdnHandler::translate);
		}
		catch (InvalidTransformationException ex) {
			throw (ApiException) translate(ex);
		}
	}

	private Mono<HttpReply> deliver(ApiRequest request) {
		if (!this.endpoints.organizationId().toString().equals(request.pathVariable("organization_id"))
				|| !this.endpoints.environmentId().toString().equals(request.pathVariable("environment_id"))) {
			throw notFound();
		}
		String key = request.pathVariable("image_key");
		int at = key.indexOf('@');
		UUID id = Uuids.parse((at >= 0) ? key.substring(0, at) : key).orElseThrow(CdnHandler::notFound);
		TransformationRequest transformation = TransformationRequest.parse((at >= 0) ? key.substring(at + 1) : null,
				UrlDecoding.parameters(request.exchange().rawQuery()));
		ImageRecord image = this.store.images()
			.find(id)
			.filter(CdnHandler::delivered)
			.orElseThrow(CdnHandler::notFound);
		Optional<Path> file = this.store.blobs().find(id);
		long size = this.store.blobs().size(id);
		if (file.isEmpty() || size < 0) {
			throw notFound();
		}
		Instant now = this.store.now();
		String ifNoneMatch = request.exchange().header("If-None-Match");
		TransformationPlan plan = transformation.plan(image.format());
		if (!plan.transforms()) {
			return Mono.just(original(image, file.get(), size, ifNoneMatch, plan, null, transformation, now));
		}
		return this.variants.variant(id, file.get(), plan, this::isDelivered).map((outcome) -> {
			if (outcome instanceof CdnVariants.Served served) {
				return variant(served, ifNoneMatch, plan, transformation, now);
			}
			String reason = ((CdnVariants.Untransformed) outcome).reason();
			return original(image, file.get(), size, ifNoneMatch, plan, reason, transformation, now);
		});
	}

	private HttpReply original(ImageRecord image, Path file, long size, @Nullable String ifNoneMatch,
			TransformationPlan plan, @Nullable String untransformedReason, TransformationRequest transformation,
			Instant now) {
		// A hash is only known to match the bytes once the image is READY: a mismatch
		// sends it to QUARANTINE instead.
		String etag = (image.status() == ImageStatus.READY && image.hashSha256() != null)
				? "\"" + image.hashSha256().toLowerCase(Locale.ROOT) + "\"" : null;
		HttpReply reply;
		if (etag != null && matches(ifNoneMatch, etag)) {
			reply = HttpReply.empty(304);
			count(now, 0, transformation);
		}
		else {
			reply = HttpReply.file(file, size, image.format().mimeType());
			count(now, size, transformation);
		}
		if (etag != null) {
			reply.header("ETag", etag);
		}
		if (untransformedReason != null) {
			reply.header(UNTRANSFORMED, untransformedReason);
		}
		return decorate(reply, plan);
	}

	private HttpReply variant(CdnVariants.Served served, String ifNoneMatch, TransformationPlan plan,
			TransformationRequest transformation, Instant now) {
		Variant variant = served.variant();
		HttpReply reply;
		if (matches(ifNoneMatch, variant.etag())) {
			reply = HttpReply.empty(304);
			count(now, 0, transformation);
		}
		else {
			reply = HttpReply.bytes(200, variant.mimeType(), variant.bytes());
			count(now, variant.length(), transformation);
		}
		return decorate(reply.header("ETag", variant.etag()).header(CACHE, served.cacheHit() ? "HIT" : "MISS"), plan);
	}

	private static HttpReply decorate(HttpReply reply, TransformationPlan plan) {
		reply.header("Cache-Control", CACHE_CONTROL);
		if (!plan.ignored().isEmpty()) {
			reply.header(IGNORED, String.join(",", plan.ignored()));
		}
		return reply;
	}

	/**
	 * The transformation counting hook: every delivery is a CDN request with the bytes
	 * sent, and a transformation when it named a preset or a transformation parameter,
	 * whether or not the variant came from the cache.
	 */
	private void count(Instant now, long bytesSent, TransformationRequest transformation) {
		this.store.usage().recordCdnRequest(now, bytesSent);
		if (transformation.asksForTransformation()) {
			this.store.usage().recordTransformation(now);
		}
	}

	/**
	 * {@code If-None-Match} with weak comparison, as RFC 9110 asks for this header.
	 */
	static boolean matches(@Nullable String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.trim();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.equals("*") || tag.equals(etag)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The HTTP meaning of what the transformation side signals; anything else is left to
	 * the central error handling.
	 */
	private static Throwable translate(Throwable ex) {
		if (ex instanceof InvalidTransformationException) {
			return new ApiException(400, ex.getMessage(), INVALID);
		}
		if (ex instanceof UncheckedIOException && ex.getCause() instanceof NoSuchFileException) {
			// Deleted while being transformed.
			return notFound();
		}
		return ex;
	}

	private boolean isDelivered(UUID id) {
		return this.store.images().find(id).filter(CdnHandler::delivered).isPresent();
	}

	private static boolean delivered(ImageRecord image) {
		return image.status() == ImageStatus.PROCESSING || image.status() == ImageStatus.READY;
	}

	private static ApiException notFound() {
		return ApiException.notFound("Image not found");
	}

}
