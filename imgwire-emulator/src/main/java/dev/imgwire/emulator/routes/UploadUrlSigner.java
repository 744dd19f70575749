package dev.imgwire.emulator.routes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import dev.imgwire.emulator.routes.wire.Endpoints;
import dev.imgwire.emulator.state.RandomSecrets;

/**
 * Presigned upload URLs: {@code /upload/<id>?expires=<epoch seconds>&signature=<hex>},
 * where the signature is an HMAC-SHA256 over id and expiry with a per-emulator secret, so
 * a URL cannot be forged or extended, like a real object-store presigned URL.
 *
 * @author imgwire
 */
final class UploadUrlSigner {

	private final byte[] secret = RandomSecrets.bytes(32);

	private final Endpoints endpoints;

	private final Duration ttl;

	UploadUrlSigner(Endpoints endpoints, Duration ttl) {
		this.endpoints = endpoints;
		this.ttl = ttl;
	}

	String uploadUrl(UUID imageId, Instant now) {
		long expires = now.plus(this.ttl).getEpochSecond();
		return this.endpoints.uploadUrl(imageId, expires, sign(imageId, expires));
	}

	boolean verify(UUID imageId, @Nullable String expires, @Nullable String signature, Instant now) {
		if (expires == null || signature == null) {
			return false;
		}
		long expiresAt;
		try {
			expiresAt = Long.parseLong(expires);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		byte[] expected = sign(imageId, expiresAt).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = signature.getBytes(StandardCharsets.US_ASCII);
		// Constant-time comparison first, so timing does not reveal how much matched.
		return MessageDigest.isEqual(expected, actual) && now.getEpochSecond() < expiresAt;
	}

	private String sign(UUID imageId, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			byte[] digest = mac.doFinal((imageId + ":" + expires).getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is required by every Java platform", ex);
		}
	}

}
