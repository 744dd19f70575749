package dev.imgwire.client.cdn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads the object form of a value, given as a {@code Map}, strictly: a key that the
 * parameter does not define is an error rather than being dropped, a {@code null} entry
 * is an error, and each entry is normalised by its own rule. The normalised entries are
 * collected, sorted, for {@link CompactJson}.
 *
 * @author Imgwire
 */
final class ObjectFields {

	private final Map<?, ?> source;

	private final List<String> allowed;

	private final Map<String, Object> entries = new LinkedHashMap<>();

	private final SortedMap<String, Object> json = new TreeMap<>();

	private ObjectFields(Map<?, ?> source, List<String> allowed) {
		this.source = source;
		this.allowed = allowed;
	}

	/**
	 * Start reading a map whose keys must all be among {@code allowed}.
	 */
	static ObjectFields read(Map<?, ?> map, String... allowed) {
		List<String> keys = List.of(allowed);
		String rule = "allowed keys are " + String.join(", ", keys);
		ObjectFields fields = new ObjectFields(map, keys);
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key) || !keys.contains(key)) {
				throw InvalidValueException.of(map, "has an unknown key " + Values.describe(entry.getKey()), rule);
			}
			if (entry.getValue() == null) {
				throw InvalidValueException.of(map, "has a null " + key, "omit the key instead");
			}
			fields.entries.put(key, entry.getValue());
		}
		return fields;
	}

	boolean has(String key) {
		return this.entries.containsKey(key);
	}

	@Nullable Object get(String key) {
		return this.entries.get(key);
	}

	/**
	 * Normalise a key that must be present, and keep it for the JSON.
	 */
	void require(String key, Function<Object, Object> rule) {
		if (!has(key)) {
			throw InvalidValueException.of(this.source, "has no " + key, key + " is required");
		}
		optional(key, rule);
	}

	/**
	 * Normalise a key when present, and keep it for the JSON.
	 */
	void optional(String key, Function<Object, Object> rule) {
		Object value = this.entries.get(key);
		if (value != null) {
			this.json.put(key, normalize(key, value, rule));
		}
	}

	/**
	 * Normalise a key when present, without keeping it for the JSON.
	 */
	@Nullable Object normalized(String key, Function<Object, Object> rule) {
		Object value = this.entries.get(key);
		return (value != null) ? normalize(key, value, rule) : null;
	}

	void put(String key, Object value) {
		this.json.put(key, value);
	}

	private Object normalize(String key, Object value, Function<Object, Object> rule) {
		try {
			return rule.apply(value);
		}
		catch (InvalidValueException ex) {
			throw ex.inPart(this.source, key);
		}
	}

	/**
	 * Fail when the map has none of its optional keys.
	 */
	ObjectFields requireAny() {
		if (this.entries.isEmpty()) {
			throw InvalidValueException.of(this.source, "is empty",
					"set at least one of " + String.join(", ", this.allowed));
		}
		return this;
	}

	SortedMap<String, Object> json() {
		return this.json;
	}

	String toJson() {
		return CompactJson.write(this.json);
	}

}
