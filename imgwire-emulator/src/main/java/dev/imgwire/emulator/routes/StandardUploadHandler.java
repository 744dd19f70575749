package dev.imgwire.emulator.routes;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.imgwire.emulator.routes.http.ApiRequest;
import dev.imgwire.emulator.routes.http.Caller;
import dev.imgwire.emulator.routes.http.CorsPolicy;
import dev.imgwire.emulator.routes.http.HttpReply;
import dev.imgwire.emulator.routes.http.RouteHandler;
import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.JsonBody;
import dev.imgwire.emulator.routes.wire.ValidationErrors;
import dev.imgwire.emulator.routes.wire.WireFormat;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.ImageDraft;
import dev.imgwire.emulator.state.ImageFormat;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageRegistration;
import dev.imgwire.emulator.state.TokenRedemption;
import dev.imgwire.emulator.state.UploadTokenRecord;

/**
 * {@code POST /api/v1/images/standard_upload}: creates a PENDING image and returns a
 * presigned URL for its bytes.
 * <p>
 * A known idempotency key returns the existing image with a fresh upload URL instead of
 * creating a second record. A retry may carry the upload token that the first attempt
 * already redeemed for that image; it is accepted, because otherwise a lost response
 * would make signed uploads impossible to retry.
 *
 * @author imgwire
 */
final class StandardUploadHandler implements RouteHandler {

	private final EmulatorStore store;

	private final WireFormat wireFormat;

	private final UploadUrlSigner signer;

	private final CorsPolicy cors;

	private final boolean requireSignedUploads;

	StandardUploadHandler(EmulatorStore store, WireFormat wireFormat, UploadUrlSigner signer, CorsPolicy cors,
			boolean requireSignedUploads) {
		this.store = store;
		this.wireFormat = wireFormat;
		this.signer = signer;
		this.cors = cors;
		this.requireSignedUploads = requireSignedUploads;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		if (request.caller() == Caller.CLIENT_KEY
				&& !this.cors.allows(request.exchange().header(HttpHeaderNames.ORIGIN))) {
			throw ApiException.notAuthorized("Origin not allowed");
		}
		// Credentials are checked before a byte of the body is read, so a request with a
		// bogus token costs nothing however large its body.
		String token = request.exchange().queryParam("upload_token").orElse(null);
		if (token == null && this.requireSignedUploads && request.caller() == Caller.CLIENT_KEY) {
			throw ApiException.invalidToken("Client-key uploads require an upload_token");
		}
		if (token != null) {
			precheckToken(token);
		}
		return request.exchange().jsonBody().map((body) -> {
			ImageDraft draft = draft(body);
			ImageRecord image = createOrReplay(draft, token);
			Instant now = this.store.now();
			return HttpReply.json(200, this.wireFormat.standardUpload(image, this.signer.uploadUrl(image.id(), now)));
		});
	}

	private static ImageDraft draft(JsonBody body) {
		String fileName = body.requiredString("file_name", 1, Integer.MAX_VALUE);
		ImageFormat declared = body.optionalMimeType("mime_type");
		Long contentLength = body.optionalNonNegativeInteger("content_length");
		String hash = body.optionalString("hash_sha256", 1, 255);
		String idempotencyKey = body.optionalString("idempotency_key", 1, 255);
		String purpose = body.optionalString("purpose", 1, 255);
		Map<String, Object> metadata = body.metadata("custom_metadata");
		body.validate();
		ImageFormat format = (declared != null) ? declared
				: ImageFormat.ofFileName(fileName)
					.orElseThrow(() -> ValidationErrors.single("value_error",
							"Value error, could not infer the MIME type from file_name; provide mime_type", "body",
							"mime_type"));
		return new ImageDraft(fileName, format, declared != null, contentLength, hash, idempotencyKey, purpose,
				metadata, null);
	}

	private ImageRecord createOrReplay(ImageDraft draft, @Nullable String token) {
		Instant now = this.store.now();
		// Redeeming inside the create step spends a token only for an image that is
		// really created. The replay check below only reads a token, so it needs no lock.
		ImageRegistration registration = this.store.images()
			.createUnlessKnown(draft, now, (created) -> (token != null) ? redeem(created, token, now) : created);
		if (!registration.created() && token != null && !tokenAcceptableForReplay(token, registration.image(), now)) {
			throw ApiException.invalidToken("Invalid or expired upload token");
		}
		return registration.image();
	}

	private ImageDraft redeem(ImageDraft draft, String token, Instant now) {
		TokenRedemption redemption = this.store.uploadTokens().redeem(token, now);
		return switch (redemption.outcome()) {
			case REDEEMED -> draft.withUploadTokenId(Objects.requireNonNull(redemption.token()).id());
			case UNKNOWN -> throw ApiException.invalidToken("Invalid upload token");
			case EXPIRED -> throw ApiException.invalidToken("Upload token has expired");
			case ALREADY_USED -> throw ApiException.invalidToken("Upload token has already been used");
		};
	}

	/**
	 * Refuse a token that no body could make acceptable: unknown, expired unused, or used
	 * for an image that a replay cannot name (deleted, or created without idempotency
	 * key). The final decision is still made with the body, in {@link #createOrReplay}.
	 */
	private void precheckToken(String token) {
		Instant now = this.store.now();
		UploadTokenRecord record = this.store.uploadTokens()
			.find(token)
			.orElseThrow(() -> ApiException.invalidToken("Invalid upload token"));
		if (record.usedAt() == null) {
			if (record.expiredAt(now)) {
				throw ApiException.invalidToken("Upload token has expired");
			}
			return;
		}
		boolean replayable = this.store.images()
			.live()
			.stream()
			.anyMatch((image) -> record.id().equals(image.uploadTokenId()) && image.idempotencyKey() != null);
		if (!replayable) {
			throw ApiException.invalidToken("Upload token has already been used");
		}
	}

	private boolean tokenAcceptableForReplay(String token, ImageRecord image, Instant now) {
		Optional<UploadTokenRecord> record = this.store.uploadTokens().find(token);
		if (record.isEmpty()) {
			return false;
		}
		boolean redeemedForThisImage = record.get().id().equals(image.uploadTokenId());
		boolean stillRedeemable = record.get().usedAt() == null && !record.get().expiredAt(now);
		return redeemedForThisImage || stillRedeemable;
	}

}
