package dev.imgwire.emulator.routes.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;

import dev.imgwire.emulator.state.ImageFormat;

/**
 * A JSON request body with pydantic-style field validation. Errors accumulate, so one 422
 * lists every problem, as FastAPI does. Longer than most classes because it holds one
 * small reader per field type of the API's schemas, which share the accumulation.
 *
 * @author imgwire
 */
public final class JsonBody {

	private static final String MIME_TYPE_CHOICES = mimeTypeChoices();

	private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

	private final JsonNode root;

	private final ValidationErrors errors = new ValidationErrors();

	private JsonNode lastNode;

	private JsonBody(JsonNode root) {
		this.root = root;
	}

	/**
	 * Parse a required JSON object body.
	 * @param content the raw body, empty when none was sent
	 * @return the body
	 * @throws ValidationException when the body is missing, malformed or no object
	 */
	public static JsonBody parse(byte[] content) {
		if (content.length == 0) {
			throw ValidationErrors.single("missing", "Field required", "body");
		}
		JsonNode root;
		try {
			root = Json.read(content);
		}
		catch (StreamConstraintsException ex) {
			throw ApiException.invalidRequest("The JSON body exceeds the parser's limits: " + limitExceeded(ex));
		}
		catch (JacksonException ex) {
			long offset = (ex instanceof StreamReadException read && read.getLocation() != null)
					? Math.max(0, read.getLocation().getByteOffset()) : 0;
			throw ValidationErrors.single("json_invalid", "JSON decode error", "body", offset);
		}
		if (root == null || root.isMissingNode()) {
			throw ValidationErrors.single("missing", "Field required", "body");
		}
		if (!root.isObject()) {
			throw ValidationErrors.single("model_attributes_type",
					"Input should be a valid dictionary or object to extract fields from", "body");
		}
		return new JsonBody(root);
	}

	private static String limitExceeded(StreamConstraintsException ex) {
		String message = ex.getOriginalMessage();
		if (message != null && message.contains("nesting depth")) {
			return "it nests deeper than " + Json.MAX_NESTING_DEPTH + " levels";
		}
		// Jackson's own sentence, without the hint at its configuration API.
		int hint = (message != null) ? message.indexOf(" (") : -1;
		return (hint > 0) ? message.substring(0, hint) : String.valueOf(message);
	}

	public void validate() {
		this.errors.throwIfAny();
	}

	// Null only with an error recorded: validate() throws before the value is used.
	@SuppressWarnings("NullAway")
	public String requiredString(String name, int minLength, int maxLength) {
		if (!present(name)) {
			this.errors.add("missing", "Field required", "body", name);
			return null;
		}
		return checkString(name, minLength, maxLength);
	}

	/**
	 * A nullable string: absent and {@code null} both mean "not given".
	 * @param name the field
	 * @param minLength minimum length
	 * @param maxLength maximum length
	 * @return the value or {@code null}
	 */
	public @Nullable String optionalString(String name, int minLength, int maxLength) {
		if (!present(name) || this.lastNode.isNull()) {
			return null;
		}
		return checkString(name, minLength, maxLength);
	}

	public @Nullable ImageFormat optionalMimeType(String name) {
		if (!present(name) || this.lastNode.isNull()) {
			return null;
		}
		Optional<ImageFormat> format = this.lastNode.isString() ? exactMimeType(this.lastNode.stringValue())
				: Optional.empty();
		if (format.isEmpty()) {
			this.errors.add("enum", "Input should be " + MIME_TYPE_CHOICES, "body", name);
			return null;
		}
		return format.get();
	}

	public @Nullable Long optionalNonNegativeInteger(String name) {
		if (!present(name) || this.lastNode.isNull()) {
			return null;
		}
		JsonNode node = this.lastNode;
		Long value = null;
		if (node.isNumber()) {
			// Exact arithmetic: 1e30 must not become Long.MAX_VALUE, nor 1.5 become 1.
			if (!node.isIntegralNumber() && !Double.isFinite(node.doubleValue())) {
				this.errors.add("finite_number", "Input should be a finite number", "body", name);
				return null;
			}
			BigDecimal number = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
			if (number.stripTrailingZeros().scale() > 0) {
				this.errors.add("int_from_float",
						"Input should be a valid integer, got a number with a fractional part", "body", name);
				return null;
			}
			if (number.compareTo(MAX_LONG) > 0) {
				this.errors.add("less_than_equal", "Input should be less than or equal to " + Long.MAX_VALUE, "body",
						name);
				return null;
			}
			// Any negative number, however large, only has to fail the check below.
			value = (number.signum() < 0) ? Long.valueOf(-1) : Long.valueOf(number.longValueExact());
		}
		else if (node.isString()) {
			try {
				value = Long.parseLong(node.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				this.errors.add("int_parsing", "Input should be a valid integer, unable to parse string as an integer",
						"body", name);
				return null;
			}
		}
		if (value == null) {
			this.errors.add("int_type", "Input should be a valid integer", "body", name);
			return null;
		}
		if (value < 0) {
			this.errors.add("greater_than_equal", "Input should be greater than or equal to 0", "body", name);
			return null;
		}
		return value;
	}

	/**
	 * A {@code custom_metadata} object with scalar values. The field is not nullable;
	 * each bad value gets one error per member of the {@code str | int | float | bool}
	 * union, as pydantic reports unions.
	 * @param name the field
	 * @return the metadata, empty when absent
	 */
	public Map<String, Object> metadata(String name) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		if (!present(name)) {
			return metadata;
		}
		if (!this.lastNode.isObject()) {
			this.errors.add("dict_type", "Input should be a valid dictionary", "body", name);
			return metadata;
		}
		for (Map.Entry<String, JsonNode> entry : this.lastNode.properties()) {
			JsonNode value = entry.getValue();
			if (value.isString()) {
				metadata.put(entry.getKey(), value.stringValue());
			}
			else if (value.isBoolean()) {
				metadata.put(entry.getKey(), value.booleanValue());
			}
			else if (value.isIntegralNumber()) {
				metadata.put(entry.getKey(), value.canConvertToLong() ? (Object) value.longValue()
						: (Object) new BigInteger(value.asString()));
			}
			else if (value.isNumber()) {
				metadata.put(entry.getKey(), value.doubleValue());
			}
			else {
				String key = entry.getKey();
				this.errors.add("string_type", "Input should be a valid string", "body", name, key, "str");
				this.errors.add("int_type", "Input should be a valid integer", "body", name, key, "int");
				this.errors.add("float_type", "Input should be a valid number", "body", name, key, "float");
				this.errors.add("bool_type", "Input should be a valid boolean", "body", name, key, "bool");
			}
		}
		return metadata;
	}

	public List<UUID> requiredUuids(String name) {
		List<UUID> ids = new ArrayList<>();
		if (!present(name)) {
			this.errors.add("missing", "Field required", "body", name);
			return ids;
		}
		if (!this.lastNode.isArray()) {
			this.errors.add("list_type", "Input should be a valid list", "body", name);
			return ids;
		}
		if (this.lastNode.isEmpty()) {
			this.errors.add("too_short", "List should have at least 1 item after validation, not 0", "body", name);
			return ids;
		}
		int index = 0;
		for (JsonNode item : this.lastNode.values()) {
			Optional<UUID> id = item.isString() ? Uuids.parse(item.stringValue()) : Optional.empty();
			if (id.isPresent()) {
				ids.add(id.get());
			}
			else {
				this.errors.add(item.isString() ? "uuid_parsing" : "uuid_type", Uuids.MESSAGE, "body", name, index);
			}
			index++;
		}
		return ids;
	}

	// Null only with an error recorded: validate() throws before the value is used.
	@SuppressWarnings("NullAway")
	public URI requiredHttpUrl(String name) {
		String value = requiredString(name, 1, Integer.MAX_VALUE);
		if (value == null) {
			return null;
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			this.errors.add("url_parsing", "Input should be a valid URL, " + ex.getReason(), "body", name);
			return null;
		}
		if (uri.getScheme() == null) {
			this.errors.add("url_parsing", "Input should be a valid URL, relative URL without a base", "body", name);
			return null;
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			this.errors.add("url_scheme", "URL scheme should be 'http' or 'https'", "body", name);
			return null;
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			this.errors.add("url_parsing", "Input should be a valid URL, empty host", "body", name);
			return null;
		}
		return uri;
	}

	/**
	 * A DNS hostname such as {@code images.example.com}: at least two labels of letters,
	 * digits and inner hyphens, at most 63 characters each and 253 in all, and a
	 * top-level label that is not all digits, so IP addresses, URLs, ports, wildcards and
	 * trailing dots are rejected.
	 * @param name the field
	 * @return the hostname in lower case, or {@code null} when invalid
	 */
	// Null only with an error recorded: validate() throws before the value is used.
	@SuppressWarnings("NullAway")
	public String requiredHostname(String name) {
		String value = requiredString(name, 1, Integer.MAX_VALUE);
		if (value == null) {
			return null;
		}
		String hostname = value.toLowerCase(Locale.ROOT);
		if (!isHostname(hostname)) {
			this.errors.add("value_error",
					"Value error, " + name + " must be a DNS hostname such as images.example.com", "body", name);
			return null;
		}
		return hostname;
	}

	private static boolean isHostname(String hostname) {
		if (hostname.length() > 253) {
			return false;
		}
		String[] labels = hostname.split("\\.", -1);
		if (labels.length < 2) {
			return false;
		}
		for (String label : labels) {
			if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
				return false;
			}
			for (int i = 0; i < label.length(); i++) {
				char character = label.charAt(i);
				if (!((character >= 'a' && character <= 'z') || (character >= '0' && character <= '9')
						|| character == '-')) {
					return false;
				}
			}
		}
		return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
	}

	private boolean present(String name) {
		this.lastNode = this.root.get(name);
		return this.lastNode != null;
	}

	private @Nullable String checkString(String name, int minLength, int maxLength) {
		if (!this.lastNode.isString()) {
			this.errors.add("string_type", "Input should be a valid string", "body", name);
			return null;
		}
		String value = this.lastNode.stringValue();
		int length = value.codePointCount(0, value.length());
		if (length < minLength) {
			this.errors.add("string_too_short",
					"String should have at least " + minLength + " character" + ((minLength != 1) ? "s" : ""), "body",
					name);
			return null;
		}
		if (length > maxLength) {
			this.errors.add("string_too_long", "String should have at most " + maxLength + " characters", "body", name);
			return null;
		}
		return value;
	}

	private static Optional<ImageFormat> exactMimeType(String value) {
		// Enum validation is exact: "IMAGE/PNG" is not a SupportedMimeType.
		for (ImageFormat format : ImageFormat.values()) {
			if (format.mimeType().equals(value)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	private static String mimeTypeChoices() {
		List<String> quoted = Arrays.stream(ImageFormat.values())
			.map((format) -> "'" + format.mimeType() + "'")
			.toList();
		return quoted.subList(0, quoted.size() - 1).stream().collect(Collectors.joining(", ")) + " or "
				+ quoted.get(quoted.size() - 1);
	}

}
