package dev.imgwire.client.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;
import org.springframework.web.util.UriUtils;

/**
 * Removes known secrets from text that comes back from the server before it goes into an
 * exception message: an error page may echo the key or token it rejected.
 *
 * @author Imgwire
 */
public final class SecretRedactor {

	private static final String REDACTED = "<redacted>";

	/**
	 * Query values shorter than this are no secret (an expiry flag, a version) and
	 * redacting them would mangle unrelated text.
	 */
	private static final int MIN_QUERY_VALUE_LENGTH = 8;

	private final List<String> secrets;

	/**
	 * Create a redactor.
	 * @param secrets the secrets; {@code null} and blank entries are ignored
	 */
	public SecretRedactor(@Nullable String... secrets) {
		List<String> list = new ArrayList<>();
		for (String secret : secrets) {
			if (secret != null && !secret.isBlank()) {
				list.add(secret);
			}
		}
		// Longest first, so that a secret containing another is replaced whole.
		list.sort(Comparator.comparingInt(String::length).reversed());
		this.secrets = List.copyOf(list);
	}

	/**
	 * A redactor that also removes one more secret, such as an upload token.
	 * @param secret the extra secret
	 * @return a new redactor
	 */
	public SecretRedactor and(@Nullable String secret) {
		List<String> all = new ArrayList<>(this.secrets);
		all.add(secret);
		return new SecretRedactor(all.toArray(String[]::new));
	}

	/**
	 * A redactor that also removes every value of a query, both as sent and
	 * percent-decoded, such as a presigned URL's signature. Values shorter than
	 * {@value #MIN_QUERY_VALUE_LENGTH} characters are kept.
	 * @param rawQuery the raw (encoded) query, or {@code null}
	 * @return a new redactor
	 */
	public SecretRedactor andQueryValues(@Nullable String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return this;
		}
		List<String> all = new ArrayList<>(this.secrets);
		for (String parameter : rawQuery.split("&")) {
			int equals = parameter.indexOf('=');
			String value = (equals >= 0) ? parameter.substring(equals + 1) : parameter;
			if (value.length() >= MIN_QUERY_VALUE_LENGTH) {
				all.add(value);
				String decoded = decode(value);
				if (decoded != null && decoded.length() >= MIN_QUERY_VALUE_LENGTH) {
					all.add(decoded);
				}
			}
		}
		return new SecretRedactor(all.toArray(String[]::new));
	}

	private static @Nullable String decode(String value) {
		try {
			return UriUtils.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A malformed escape: the raw value is redacted all the same.
			return null;
		}
	}

	/**
	 * Redact a text.
	 * @param text the text
	 * @return the text with every secret replaced, or {@code null}
	 */
	@Contract("!null -> !null")
	public @Nullable String redact(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (String secret : this.secrets) {
			result = result.replace(secret, REDACTED);
		}
		return result;
	}

}
