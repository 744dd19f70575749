package dev.imgwire.emulator.cdn;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A transformed image as the CDN serves it.
 *
 * @param bytes the encoded bytes; never modified
 * @param mimeType their {@code Content-Type}
 * @param etag a strong entity tag, the quoted SHA-256 of the bytes
 * @author imgwire
 */
public record Variant(byte[] bytes, String mimeType, String etag) {

	static Variant of(byte[] bytes, String mimeType) {
		return new Variant(bytes, mimeType, "\"" + sha256(bytes) + "\"");
	}

	public int length() {
		return this.bytes.length;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JDK", ex);
		}
	}

}
