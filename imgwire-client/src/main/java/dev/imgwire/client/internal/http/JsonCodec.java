package dev.imgwire.client.internal.http;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON as the Imgwire API speaks it, independent of whatever codecs the caller's
 * {@code WebClient.Builder} carries: unknown fields are ignored, absent primitives
 * default, and timestamps without an offset are read as UTC (Python back ends often emit
 * them).
 *
 * @author Imgwire
 */
public final class JsonCodec {

	private final JsonMapper mapper;

	public JsonCodec() {
		SimpleModule lenientTimes = new SimpleModule("imgwire-lenient-times");
		lenientTimes.addDeserializer(OffsetDateTime.class, new LenientOffsetDateTimeDeserializer());
		this.mapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.addModule(lenientTimes)
			.build();
	}

	/**
	 * Serialize a request body.
	 * @param value the body
	 * @return UTF-8 JSON
	 */
	public byte[] write(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	/**
	 * Deserialize a response body.
	 * @param <T> the target type
	 * @param json the body
	 * @param type the target type
	 * @return the value, or {@code null} for a JSON {@code null}
	 * @throws JacksonException when the body is not the expected JSON
	 */
	public <T> T read(byte[] json, JavaType type) {
		return this.mapper.readValue(json, type);
	}

	/**
	 * Read a body as a tree.
	 * @param json the body
	 * @return the tree
	 * @throws JacksonException when the body is not JSON
	 */
	public JsonNode readTree(byte[] json) {
		return this.mapper.readTree(json);
	}

	/**
	 * Build a type for {@link #read}.
	 * @param type a class
	 * @return the type
	 */
	public JavaType type(Class<?> type) {
		return this.mapper.constructType(type);
	}

	/**
	 * Build a parameterised type for {@link #read}.
	 * @param container the container, for example {@code List.class}
	 * @param elements its type arguments
	 * @return the type
	 */
	public JavaType type(Class<?> container, Class<?>... elements) {
		return this.mapper.getTypeFactory().constructParametricType(container, elements);
	}

	private static final class LenientOffsetDateTimeDeserializer extends ValueDeserializer<OffsetDateTime> {

		@Override
		public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
			}
			String text = parser.getString().trim();
			OffsetDateTime common = IsoDateTimes.parse(text);
			if (common != null) {
				return common;
			}
			try {
				TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
						LocalDateTime::from);
				return (parsed instanceof OffsetDateTime offsetDateTime) ? offsetDateTime
						: ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
						"not an ISO-8601 date-time");
			}
		}

	}

}
