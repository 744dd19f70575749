package dev.imgwire.emulator.routes.http;

import java.util.Optional;

import dev.imgwire.emulator.routes.wire.ValidationErrors;

/**
 * Integer query parameters with FastAPI's defaults and bounds.
 *
 * @author imgwire
 */
public final class QueryParams {

	private QueryParams() {
	}

	public static long integer(Exchange exchange, String name, long defaultValue, long minimum, long maximum,
			ValidationErrors errors) {
		Optional<String> raw = exchange.queryParam(name);
		if (raw.isEmpty()) {
			return defaultValue;
		}
		long value;
		try {
			value = Long.parseLong(raw.get().trim());
		}
		catch (NumberFormatException ex) {
			errors.add("int_parsing", "Input should be a valid integer, unable to parse string as an integer", "query",
					name);
			return defaultValue;
		}
		if (value < minimum) {
			errors.add("greater_than_equal", "Input should be greater than or equal to " + minimum, "query", name);
		}
		else if (value > maximum) {
			errors.add("less_than_equal", "Input should be less than or equal to " + maximum, "query", name);
		}
		return value;
	}

}
