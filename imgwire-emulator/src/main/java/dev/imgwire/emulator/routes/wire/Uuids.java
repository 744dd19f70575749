package dev.imgwire.emulator.routes.wire;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses UUIDs as strictly as pydantic: {@link UUID#fromString} accepts forms such as
 * {@code 1-2-3-4-5} that the real API rejects.
 *
 * @author imgwire
 */
public final class Uuids {

	private static final Pattern CANONICAL = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern COMPACT = Pattern.compile("[0-9a-fA-F]{32}");

	public static final String MESSAGE = "Input should be a valid UUID";

	private Uuids() {
	}

	public static Optional<UUID> parse(String value) {
		if (value == null) {
			return Optional.empty();
		}
		if (CANONICAL.matcher(value).matches()) {
			return Optional.of(UUID.fromString(value));
		}
		if (COMPACT.matcher(value).matches()) {
			return Optional.of(UUID.fromString(value.substring(0, 8) + "-" + value.substring(8, 12) + "-"
					+ value.substring(12, 16) + "-" + value.substring(16, 20) + "-" + value.substring(20)));
		}
		return Optional.empty();
	}

	/**
	 * Parse a UUID path parameter.
	 * @param value the decoded path segment
	 * @param name the parameter name, for the error location
	 * @return the UUID
	 * @throws ValidationException in FastAPI's shape when the value is no UUID
	 */
	public static UUID pathParameter(String value, String name) {
		return parse(value).orElseThrow(() -> ValidationErrors.single("uuid_parsing", MESSAGE, "path", name));
	}

}
