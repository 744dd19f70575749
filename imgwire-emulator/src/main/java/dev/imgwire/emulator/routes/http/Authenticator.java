package dev.imgwire.emulator.routes.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.netty.handler.codec.http.HttpHeaderNames;

import dev.imgwire.emulator.routes.wire.ApiException;

/**
 * {@code Authorization: Bearer <key>} checks. Client keys are publishable, so they are
 * limited to the two operations a browser needs.
 *
 * @author imgwire
 */
public final class Authenticator {

	private final byte[] serverKey;

	private final byte[] clientKey;

	public Authenticator(String serverKey, String clientKey) {
		this.serverKey = serverKey.getBytes(StandardCharsets.UTF_8);
		this.clientKey = clientKey.getBytes(StandardCharsets.UTF_8);
	}

	Caller authenticate(Exchange exchange, Access access) {
		if (access == Access.NONE) {
			// Presigned and public URLs authorize by URL; a stray Authorization header
			// (e.g. a client reusing its defaults) must not matter.
			return Caller.ANONYMOUS;
		}
		String header = exchange.header(HttpHeaderNames.AUTHORIZATION);
		if (header == null || header.isBlank()) {
			throw ApiException.invalidToken("Missing API key: send 'Authorization: Bearer <key>'");
		}
		String[] parts = header.trim().split("\\s+", 2);
		if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
			throw ApiException.invalidToken("Authorization header must use the Bearer scheme");
		}
		byte[] key = parts[1].getBytes(StandardCharsets.UTF_8);
		if (MessageDigest.isEqual(key, this.serverKey)) {
			return Caller.SERVER_KEY;
		}
		if (MessageDigest.isEqual(key, this.clientKey)) {
			if (access != Access.SERVER_OR_CLIENT_KEY) {
				throw ApiException.notAllowed("Client keys cannot perform this operation; use a server key");
			}
			return Caller.CLIENT_KEY;
		}
		throw ApiException.invalidToken("Invalid API key");
	}

}
