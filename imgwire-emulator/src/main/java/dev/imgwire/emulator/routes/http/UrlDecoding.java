package dev.imgwire.emulator.routes.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Percent-decoding that never fails. Netty rejects a malformed escape such as {@code %zz}
 * with an exception, which would surface as a 500; Python's {@code urllib.parse} behind
 * FastAPI and the URL parser of a JavaScript worker keep it as the literal text instead,
 * and so does the emulator, so that the value reaches validation and is rejected there
 * like any other bad value.
 *
 * @author imgwire
 */
public final class UrlDecoding {

	/** Netty's default bound on the number of query parameters. */
	private static final int MAX_PARAMETERS = 1024;

	private UrlDecoding() {
	}

	/**
	 * Decode one path segment or query component; {@code +} is a space.
	 * @param raw the raw text
	 * @return the decoded text
	 */
	public static String component(String raw) {
		try {
			return QueryStringDecoder.decodeComponent(raw);
		}
		catch (IllegalArgumentException ex) {
			return lenient(raw);
		}
	}

	/**
	 * Decode a raw query string into its parameters, in order of first appearance, split
	 * at {@code &} and {@code ;} like Netty.
	 * @param rawQuery the query without {@code ?}
	 * @return each parameter's values
	 */
	public static Map<String, List<String>> parameters(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return Map.of();
		}
		try {
			return new QueryStringDecoder(rawQuery, StandardCharsets.UTF_8, false).parameters();
		}
		catch (IllegalArgumentException ex) {
			Map<String, List<String>> parameters = new LinkedHashMap<>();
			int count = 0;
			for (String pair : rawQuery.split("[&;]")) {
				if (pair.isEmpty() || count++ >= MAX_PARAMETERS) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = lenient((equals >= 0) ? pair.substring(0, equals) : pair);
				String value = (equals >= 0) ? lenient(pair.substring(equals + 1)) : "";
				if (!name.isEmpty()) {
					parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
				}
			}
			return parameters;
		}
	}

	private static String lenient(String raw) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
				bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else {
				int end = (Character.isHighSurrogate(c) && i + 1 < raw.length()) ? i + 2 : i + 1;
				bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end - 1;
			}
		}
		// Invalid UTF-8 becomes U+FFFD, as in Python and JavaScript.
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

}
