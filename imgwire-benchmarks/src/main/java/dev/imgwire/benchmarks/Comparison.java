package dev.imgwire.benchmarks;

import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A candidate measured against a baseline in the same run. A ratio above 1 means the
 * candidate costs more than the baseline.
 *
 * @param scenario what was done
 * @param baseline the reference way of doing it
 * @param candidate the way under test
 */
record Comparison(String scenario, Measurement baseline, Measurement candidate) {

	double timeRatio() {
		return ratio(Measurement::nanos);
	}

	double allocationRatio() {
		return ratio(Measurement::allocatedBytes);
	}

	double peakHeapRatio() {
		return ratio(Measurement::peakHeapBytes);
	}

	private double ratio(ToLongFunction<Measurement> figure) {
		return (double) figure.applyAsLong(this.candidate) / Math.max(1, figure.applyAsLong(this.baseline));
	}

	static String header() {
		return String.format(Locale.ROOT, "%-38s %-28s %-28s %8s %8s %8s", "scenario", "baseline", "candidate",
				"time", "alloc", "peak");
	}

	String format() {
		return String.format(Locale.ROOT, "%-38s %-28s %-28s %7.2fx %7.2fx %7.2fx", this.scenario,
				this.baseline.name(), this.candidate.name(), timeRatio(), allocationRatio(), peakHeapRatio())
				+ String.format(Locale.ROOT, "%n%38s %-28s %-28s", "", figures(this.baseline), figures(this.candidate));
	}

	private static String figures(Measurement measurement) {
		return String.format(Locale.ROOT, "%.0f ms %.0f/%.0f MiB", measurement.nanos() / 1e6,
				measurement.allocatedBytes() / 1048576.0, measurement.peakHeapBytes() / 1048576.0);
	}

}
