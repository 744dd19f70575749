package dev.imgwire.emulator.routes.wire;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the emulator. Responses are built as ordered maps, so field
 * names and null handling are visible where the wire format is defined.
 * <p>
 * Reading is bounded: no request body of the API nests deeper than a few levels, so
 * {@value #MAX_NESTING_DEPTH} levels are plenty, and a deeper document fails fast with a
 * {@link tools.jackson.core.exc.StreamConstraintsException}.
 *
 * @author imgwire
 */
public final class Json {

	static final int MAX_NESTING_DEPTH = 64;

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
			.build())
		.build();

	private Json() {
	}

	public static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

	public static JsonNode read(byte[] content) {
		return MAPPER.readTree(content);
	}

}
