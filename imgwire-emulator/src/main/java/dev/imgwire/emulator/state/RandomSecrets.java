package dev.imgwire.emulator.state;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable identifiers for keys, tokens and signing secrets.
 *
 * @author imgwire
 */
public final class RandomSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomSecrets() {
	}

	public static String token(String prefix) {
		// URL-safe without padding: tokens travel in query strings.
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
	}

	public static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
