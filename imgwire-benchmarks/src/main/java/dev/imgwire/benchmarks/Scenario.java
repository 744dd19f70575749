package dev.imgwire.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The phases of one scenario's contenders, and the figures derived from them: medians
 * over the rounds, and ratios taken round by round (each against the baseline's phase of
 * the same round) and then their median.
 *
 * @param name what was done
 * @param baseline the contender the others are compared to
 * @param phases the phases by contender, in round order
 */
record Scenario(String name, String baseline, Map<String, List<Phase>> phases) {

	List<Phase> of(String contender) {
		List<Phase> result = this.phases.get(contender);
		if (result == null) {
			throw new IllegalArgumentException("No contender '" + contender + "' in " + this.name);
		}
		return result;
	}

	double median(String contender, ToDoubleFunction<Phase> figure) {
		return median(of(contender).stream().mapToDouble(figure).toArray());
	}

	/**
	 * The median over rounds of the figure's ratio between two contenders.
	 * @param contender the numerator
	 * @param reference the denominator
	 * @param figure the figure
	 * @return the ratio
	 */
	double ratio(String contender, String reference, ToDoubleFunction<Phase> figure) {
		List<Phase> candidate = of(contender);
		List<Phase> base = of(reference);
		double[] ratios = new double[Math.min(candidate.size(), base.size())];
		for (int i = 0; i < ratios.length; i++) {
			ratios[i] = figure.applyAsDouble(candidate.get(i)) / Math.max(1e-9, figure.applyAsDouble(base.get(i)));
		}
		return median(ratios);
	}

	/**
	 * The range over rounds of the figure's ratio between two contenders.
	 */
	double[] ratioRange(String contender, String reference, ToDoubleFunction<Phase> figure) {
		List<Phase> candidate = of(contender);
		List<Phase> base = of(reference);
		double min = Double.MAX_VALUE;
		double max = 0;
		for (int i = 0; i < Math.min(candidate.size(), base.size()); i++) {
			double ratio = figure.applyAsDouble(candidate.get(i)) / Math.max(1e-9, figure.applyAsDouble(base.get(i)));
			min = Math.min(min, ratio);
			max = Math.max(max, ratio);
		}
		return new double[] { min, max };
	}

	int errors() {
		return this.phases.values().stream().flatMap(List::stream).mapToInt(Phase::errors).sum();
	}

	double emulatorBusiestLoad() {
		return this.phases.values()
			.stream()
			.flatMap(List::stream)
			.mapToDouble((phase) -> phase.usage().emulatorBusiestThreadLoad())
			.max()
			.orElse(0);
	}

	static String header() {
		return String.format(Locale.ROOT,
				"| %-40s | %-30s | %9s | %-19s | %9s | %9s | %-6s | %9s | %-6s | %9s | %-6s | %9s | %8s |", "scenario",
				"contender", "calls/s", "x baseline (range)", "p50 ms", "p99 ms", "p99 x", "CPU us", "CPU x",
				"KiB/call", "alloc x", "emu CPU us", "emu load");
	}

	static String separator() {
		return "|" + "-".repeat(42) + "|" + "-".repeat(32) + "|" + "-".repeat(11) + "|" + "-".repeat(21) + "|"
				+ "-".repeat(11) + "|" + "-".repeat(11) + "|" + "-".repeat(8) + "|" + "-".repeat(11) + "|"
				+ "-".repeat(8) + "|" + "-".repeat(11) + "|" + "-".repeat(8) + "|" + "-".repeat(12) + "|"
				+ "-".repeat(10) + "|";
	}

	/**
	 * One table row per contender; ratios against the baseline, which has none.
	 * @return the rows
	 */
	List<String> rows() {
		List<String> rows = new ArrayList<>();
		for (String contender : this.phases.keySet()) {
			// Without its baseline (a profiling run of one contender), a row has no
			// ratios.
			boolean isBaseline = contender.equals(this.baseline) || !this.phases.containsKey(this.baseline);
			String throughputRatio = isBaseline ? "1" : range(contender, Phase::throughput);
			rows.add(String.format(Locale.ROOT,
					"| %-40s | %-30s | %9.1f | %-19s | %9.3f | %9.3f | %-6s | %9.1f | %-6s | %9.2f | %-6s | %10.1f | %8.2f |",
					this.name, contender, median(contender, Phase::throughput), throughputRatio,
					median(contender, (phase) -> phase.p50() / 1e6), median(contender, (phase) -> phase.p99() / 1e6),
					isBaseline ? "1" : format(ratio(contender, this.baseline, Phase::p99)),
					median(contender, Phase::cpuNanosPerCall) / 1e3,
					isBaseline ? "1" : format(ratio(contender, this.baseline, Phase::cpuNanosPerCall)),
					median(contender, Phase::allocatedBytesPerCall) / 1024,
					isBaseline ? "1" : format(ratio(contender, this.baseline, Phase::allocatedBytesPerCall)),
					median(contender, Phase::emulatorCpuNanosPerCall) / 1e3,
					of(contender).stream()
						.mapToDouble((phase) -> phase.usage().emulatorBusiestThreadLoad())
						.max()
						.orElse(0)));
		}
		return rows;
	}

	private String range(String contender, ToDoubleFunction<Phase> figure) {
		double[] range = ratioRange(contender, this.baseline, figure);
		return format(ratio(contender, this.baseline, figure)) + " (" + String.format(Locale.ROOT, "%.2f", range[0])
				+ "-" + String.format(Locale.ROOT, "%.2f", range[1]) + ")";
	}

	static String format(double ratio) {
		return String.format(Locale.ROOT, "%.2fx", ratio);
	}

	static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

}
