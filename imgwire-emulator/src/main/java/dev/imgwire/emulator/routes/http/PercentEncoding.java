package dev.imgwire.emulator.routes.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Strict checks of the percent-encoding in a request target: every {@code %} must start
 * two hex digits and the decoded bytes must be UTF-8. Netty's decoder throws on the first
 * and the routes would otherwise answer such requests with a 500.
 *
 * @author imgwire
 */
final class PercentEncoding {

	private PercentEncoding() {
	}

	/**
	 * Why a raw path or query cannot be decoded.
	 * @param raw the raw text, or {@code null}
	 * @return the problem, or {@code null} when it decodes cleanly
	 */
	static @Nullable String problem(String raw) {
		if (raw == null || raw.isEmpty()) {
			return null;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char character = raw.charAt(i);
			if (character == '%') {
				if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
						|| Character.digit(raw.charAt(i + 2), 16) < 0) {
					return "'%' must be followed by two hex digits";
				}
				bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
				i += 2;
			}
			else {
				// The request line arrives as ISO-8859-1, one char per byte.
				bytes.write(character & 0xFF);
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return null;
		}
		catch (CharacterCodingException ex) {
			return "percent-encoded bytes are not valid UTF-8";
		}
	}

}
