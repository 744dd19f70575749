package dev.imgwire.emulator.routes.wire;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the emulator. Responses are built as ordered maps, so field
 * names and null handling are visible where the wire format is defined.
 *
 * @author imgwire
 */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	public static JsonNode read(byte[] content) {
		return MAPPER.readTree(content);
	}

}
