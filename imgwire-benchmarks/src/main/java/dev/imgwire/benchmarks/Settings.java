package dev.imgwire.benchmarks;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's options, each {@code --name=value}:
 * <ul>
 * <li>{@code --scenarios=retrieve,uploads,list,large-upload,startup}: what to run (all by
 * default);</li>
 * <li>{@code --only=text|text}: only the contenders whose name contains one of the texts,
 * for profiling (ratios to a baseline left out are then left out too);</li>
 * <li>the numbers below, see {@link #DEFAULTS}.</li>
 * </ul>
 */
final class Settings {

	static final List<String> SCENARIOS = List.of("retrieve", "uploads", "list", "large-upload", "startup");

	private static final Map<String, Integer> DEFAULTS = new LinkedHashMap<>();

	static {
		// Measured phases per contender; ratios are medians over them. Many short phases
		// rather than a few long ones, so that a burst of load from elsewhere spoils few.
		DEFAULTS.put("rounds", 15);
		// Calls per contender before measuring retrieve, interleaved in chunks.
		DEFAULTS.put("warmup-calls", 40_000);
		// Calls per phase of retrieve at concurrency 64 (a quarter of it at concurrency
		// 1).
		DEFAULTS.put("retrieve-calls", 8_000);
		DEFAULTS.put("retrieve-images", 1_000);
		// Connections of the pool all contenders share.
		DEFAULTS.put("max-connections", 64);
		// Uploads per phase, and phases per contender.
		DEFAULTS.put("uploads", 10_000);
		DEFAULTS.put("upload-rounds", 5);
		// Images listed, listings per phase, phases per contender, and warm-up listings.
		DEFAULTS.put("list-images", 100_000);
		DEFAULTS.put("listings", 1);
		DEFAULTS.put("list-rounds", 15);
		DEFAULTS.put("list-warmups", 3);
		// Requests per phase for the cost of one list page.
		DEFAULTS.put("page-calls", 200);
		// The large upload, in a JVM of this heap.
		DEFAULTS.put("large-upload-mib", 1024);
		DEFAULTS.put("large-upload-heap-mib", 64);
		DEFAULTS.put("large-upload-rounds", 5);
		DEFAULTS.put("large-upload-warmups", 1);
		// Cold starts of a Spring Boot application, with and without the starter, each.
		DEFAULTS.put("startups", 7);
	}

	private final Map<String, Integer> values;

	private final Set<String> scenarios;

	private final String only;

	private Settings(Map<String, Integer> values, Set<String> scenarios, String only) {
		this.values = values;
		this.scenarios = scenarios;
		this.only = only;
	}

	/**
	 * A run of seconds that exercises every scenario and measures nothing worth reading:
	 * for the test suite.
	 * @return the settings
	 */
	static Settings smoke() {
		return parse(new String[] { "--rounds=1", "--warmup-calls=50", "--retrieve-calls=200", "--retrieve-images=20",
				"--uploads=50", "--upload-rounds=1", "--list-images=250", "--listings=1", "--list-rounds=1",
				"--list-warmups=0", "--page-calls=5", "--large-upload-mib=4", "--large-upload-rounds=1",
				"--large-upload-warmups=0", "--startups=1" });
	}

	static Settings parse(String[] args) {
		Map<String, Integer> values = new LinkedHashMap<>(DEFAULTS);
		Set<String> scenarios = new LinkedHashSet<>(SCENARIOS);
		String only = "";
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			if (pair.length != 2) {
				throw new IllegalArgumentException("Expected --name=value, got '" + arg + "'");
			}
			switch (pair[0]) {
				case "scenarios" -> {
					scenarios = new LinkedHashSet<>(List.of(pair[1].split(",")));
					if (!SCENARIOS.containsAll(scenarios)) {
						throw new IllegalArgumentException("Unknown scenario in '" + arg + "'; known: " + SCENARIOS);
					}
				}
				case "only" -> only = pair[1];
				default -> {
					if (!values.containsKey(pair[0])) {
						throw new IllegalArgumentException(
								"Unknown option '" + arg + "'; known: " + values.keySet() + ", scenarios and only");
					}
					values.put(pair[0], Integer.parseInt(pair[1]));
				}
			}
		}
		return new Settings(values, scenarios, only);
	}

	int get(String name) {
		Integer value = this.values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("No option " + name);
		}
		return value;
	}

	boolean enabled(String scenario) {
		return this.scenarios.contains(scenario);
	}

	List<LoadHarness.Contender> select(List<LoadHarness.Contender> contenders) {
		List<String> wanted = List.of(this.only.split("\\|"));
		return contenders.stream()
			.filter((contender) -> wanted.stream().anyMatch((part) -> contender.name().contains(part)))
			.toList();
	}

	@Override
	public String toString() {
		return "scenarios=" + this.scenarios + " " + this.values + (this.only.isEmpty() ? "" : " only=" + this.only);
	}

}
