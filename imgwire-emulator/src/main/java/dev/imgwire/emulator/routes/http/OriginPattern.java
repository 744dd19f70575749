package dev.imgwire.emulator.routes.http;

import java.util.Locale;

/**
 * Matches a browser {@code Origin} against a CORS-origin pattern.
 * <ul>
 * <li>Both are compared case-insensitively, trimmed and without a trailing slash.</li>
 * <li>A pattern without {@code *} must equal the origin: scheme, host and port.</li>
 * <li>Each {@code *} stands for one or more host characters (letters, digits, dots and
 * hyphens), so {@code https://*.example.com} matches {@code https://a.example.com} and
 * {@code https://a.b.example.com} but neither {@code https://example.com} nor
 * {@code https://a.example.com:8443}; a wildcard never spans {@code ://} or
 * {@code :}.</li>
 * <li>A bare {@code *} matches every origin.</li>
 * </ul>
 * Each literal part between wildcards is taken at its earliest possible position, which
 * never rules out a match that a later position would allow. A hostile pattern therefore
 * costs at most pattern length times origin length, never the exponential backtracking a
 * regular expression could take.
 *
 * @author imgwire
 */
final class OriginPattern {

	private static final String ANY = "*";

	private OriginPattern() {
	}

	static boolean matches(String pattern, String origin) {
		String expected = normalize(pattern);
		String actual = normalize(origin);
		if (expected.equals(ANY)) {
			return true;
		}
		if (expected.indexOf('*') < 0) {
			return expected.equals(actual);
		}
		String[] parts = expected.split("\\*", -1);
		String prefix = parts[0];
		String suffix = parts[parts.length - 1];
		int suffixStart = actual.length() - suffix.length();
		if (suffixStart < prefix.length() || !actual.startsWith(prefix) || !actual.endsWith(suffix)) {
			return false;
		}
		int position = prefix.length();
		for (int i = 1; i < parts.length - 1; i++) {
			// Leave at least one character for the last wildcard.
			int found = afterWildcard(actual, parts[i], position, suffixStart - 1);
			if (found < 0) {
				return false;
			}
			position = found + parts[i].length();
		}
		return suffixStart > position && hostCharacters(actual, position, suffixStart);
	}

	static String normalize(String origin) {
		String trimmed = origin.trim().toLowerCase(Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	/**
	 * The earliest index after {@code from} where {@code part} starts, such that a
	 * wildcard covers at least one host character before it and {@code part} ends by
	 * {@code limit}.
	 */
	private static int afterWildcard(String actual, String part, int from, int limit) {
		for (int start = from + 1; start + part.length() <= limit; start++) {
			if (!isHostCharacter(actual.charAt(start - 1))) {
				return -1;
			}
			if (actual.startsWith(part, start)) {
				return start;
			}
		}
		return -1;
	}

	private static boolean hostCharacters(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isHostCharacter(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isHostCharacter(char character) {
		return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') || character == '.'
				|| character == '-';
	}

}
