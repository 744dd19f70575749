package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the object form of a transformation value as compact JSON: no whitespace, keys
 * sorted, integral numbers without a fractional part. Sorted keys make one value always
 * give the same URL, so equal transformations share one CDN cache entry.
 * <p>
 * Only the types the normalisers produce are written: {@code Map} with {@code String}
 * keys, {@code List}, {@code String}, {@code Boolean} and the JDK's {@code Number} types;
 * anything else, including {@code null}, is a programming error.
 *
 * @author Imgwire
 */
final class CompactJson {

	private CompactJson() {
	}

	static String write(Object value) {
		StringBuilder json = new StringBuilder();
		append(json, value);
		return json.toString();
	}

	private static void append(StringBuilder json, Object value) {
		if (value instanceof Map<?, ?> map) {
			appendObject(json, map);
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					json.append(',');
				}
				append(json, list.get(i));
			}
			json.append(']');
		}
		else if (value instanceof String string) {
			appendString(json, string);
		}
		else if (value instanceof Boolean bool) {
			json.append(bool.booleanValue());
		}
		else if (value instanceof Number number) {
			json.append(Values.format(decimal(number)));
		}
		else {
			throw new IllegalArgumentException("Cannot write " + value + " as JSON");
		}
	}

	private static void appendObject(StringBuilder json, Map<?, ?> map) {
		TreeMap<String, Object> sorted = new TreeMap<>();
		map.forEach((key, entry) -> {
			if (!(key instanceof String name) || entry == null) {
				throw new IllegalArgumentException("Cannot write " + key + "=" + entry + " as JSON");
			}
			sorted.put(name, entry);
		});
		json.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> entry : sorted.entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			appendString(json, entry.getKey());
			json.append(':');
			append(json, entry.getValue());
		}
		json.append('}');
	}

	private static BigDecimal decimal(Number number) {
		if (number instanceof BigDecimal decimal) {
			return decimal;
		}
		if (number instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (number instanceof Double || number instanceof Float) {
			double value = number.doubleValue();
			if (!Double.isFinite(value)) {
				throw new IllegalArgumentException("Cannot write " + number + " as JSON");
			}
			return new BigDecimal(number.toString());
		}
		return BigDecimal.valueOf(number.longValue());
	}

	private static void appendString(StringBuilder json, String string) {
		json.append('"');
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
