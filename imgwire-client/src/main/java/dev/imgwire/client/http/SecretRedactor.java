package dev.imgwire.client.http;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Removes known secrets from text that comes back from the server before it goes into an
 * exception message: an error page may echo the key or token it rejected.
 *
 * @author Imgwire
 */
public final class SecretRedactor {

	private static final String REDACTED = "<redacted>";

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
	 * Redact a text.
	 * @param text the text
	 * @return the text with every secret replaced, or {@code null}
	 */
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
