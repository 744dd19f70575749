package dev.imgwire.spring.boot.autoconfigure.actuate;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the Imgwire keys in the {@code env} and {@code configprops} endpoints, also when
 * they are configured to show values
 * ({@code management.endpoint.env.show-values=always}): {@code imgwire.server-key},
 * {@code imgwire.client-key} and the {@code IMGWIRE_API_KEY} environment variable, in any
 * of the forms relaxed binding accepts ({@code imgwire.serverKey},
 * {@code IMGWIRE_SERVER_KEY}, {@code imgwire.server_key}, ...).
 *
 * @author Imgwire
 * @since 0.1.0
 */
public final class ImgwireKeysSanitizingFunction implements SanitizingFunction {

	/**
	 * The keys, lower case, without separators.
	 */
	private static final Set<String> KEYS = Set.of("imgwireserverkey", "imgwireclientkey", "imgwireapikey");

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isImgwireKey(data.getKey()) ? data.withSanitizedValue() : data;
	}

	static boolean isImgwireKey(String key) {
		if (key == null) {
			return false;
		}
		StringBuilder normalized = new StringBuilder(key.length());
		for (char c : key.toLowerCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c)) {
				normalized.append(c);
			}
		}
		return KEYS.contains(normalized.toString());
	}

}
