package dev.imgwire.client.cdn;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where to anchor a crop, a resize or an overlay: the {@code gravity} parameter, and the
 * gravity part of {@code crop}, {@code zoom} and the watermark parameters.
 * <p>
 * As strings, the shorthands {@code n/no, s/so, e/ea, w/we, ne/noea, se/soea, nw/nowe,
 * sw/sowe} are accepted and sent as the full compass names; {@code ce} and {@code center}
 * are both sent as given, since the CDN reads both. For the {@code gravity} parameter
 * only, {@code ce:sm} (smart) is accepted and sent as {@code attention}.
 *
 * @author Imgwire
 */
public enum Gravity implements WireValue {

	/**
	 * {@code ce}: the centre.
	 */
	CENTER("ce"),

	/**
	 * {@code north}: top edge.
	 */
	NORTH("north"),

	/**
	 * {@code south}: bottom edge.
	 */
	SOUTH("south"),

	/**
	 * {@code east}: right edge.
	 */
	EAST("east"),

	/**
	 * {@code west}: left edge.
	 */
	WEST("west"),

	/**
	 * {@code northeast}: top right corner.
	 */
	NORTHEAST("northeast"),

	/**
	 * {@code northwest}: top left corner.
	 */
	NORTHWEST("northwest"),

	/**
	 * {@code southeast}: bottom right corner.
	 */
	SOUTHEAST("southeast"),

	/**
	 * {@code southwest}: bottom left corner.
	 */
	SOUTHWEST("southwest"),

	/**
	 * {@code attention}: the most salient region, as found by the CDN.
	 */
	ATTENTION("attention"),

	/**
	 * {@code entropy}: the region with the most detail.
	 */
	ENTROPY("entropy");

	static final String RULE = "must be a gravity: ce, center, north, south, east, west, northeast, northwest, "
			+ "southeast, southwest, attention, entropy, or a shorthand n/no, s/so, e/ea, w/we, ne/noea, se/soea, "
			+ "nw/nowe, sw/sowe";

	private static final Set<String> CANONICAL = Set.of("ce", "center", "north", "south", "east", "west", "northeast",
			"northwest", "southeast", "southwest", "attention", "entropy");

	private static final Map<String, String> SHORTHANDS = Map.ofEntries(Map.entry("n", "north"),
			Map.entry("no", "north"), Map.entry("s", "south"), Map.entry("so", "south"), Map.entry("e", "east"),
			Map.entry("ea", "east"), Map.entry("w", "west"), Map.entry("we", "west"), Map.entry("ne", "northeast"),
			Map.entry("noea", "northeast"), Map.entry("se", "southeast"), Map.entry("soea", "southeast"),
			Map.entry("nw", "northwest"), Map.entry("nowe", "northwest"), Map.entry("sw", "southwest"),
			Map.entry("sowe", "southwest"));

	private final String value;

	Gravity(String value) {
		this.value = value;
	}

	/**
	 * The gravity as it appears in the URL.
	 * @return the URL form, e.g. {@code northeast}
	 */
	@Override
	public String value() {
		return this.value;
	}

	/**
	 * Normalise a gravity that is part of another value (crop, zoom, watermark).
	 */
	static String normalize(Object value) {
		String token = Values.token(value, RULE);
		String gravity = SHORTHANDS.getOrDefault(token, token);
		if (!CANONICAL.contains(gravity)) {
			throw InvalidValueException.of(value, "is not a gravity", RULE);
		}
		return gravity;
	}

	/**
	 * Normalise the {@code gravity} parameter, which also takes {@code ce:sm}.
	 */
	static String normalizeParameter(Object value) {
		if (value instanceof String string && "ce:sm".equals(string.trim().toLowerCase(Locale.ROOT))) {
			return ATTENTION.value;
		}
		try {
			return normalize(value);
		}
		catch (InvalidValueException ex) {
			throw InvalidValueException.of(value, "is not a gravity", RULE + ", or ce:sm for attention");
		}
	}

}
