package dev.imgwire.client.internal;

import java.util.function.Function;

/**
 * Lenient enum decoding: an unknown wire value maps to a fallback constant, so a value
 * the API adds later never breaks a response.
 */
public final class WireEnums {

	private WireEnums() {
	}

	public static <E extends Enum<E>> E lookup(Class<E> type, String value, Function<E, String> wireValue, E fallback) {
		if (value != null) {
			for (E candidate : type.getEnumConstants()) {
				if (candidate != fallback && wireValue.apply(candidate).equalsIgnoreCase(value.trim())) {
					return candidate;
				}
			}
		}
		return fallback;
	}

}
