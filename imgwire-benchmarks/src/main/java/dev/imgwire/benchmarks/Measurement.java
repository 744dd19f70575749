package dev.imgwire.benchmarks;

import java.util.Arrays;

/**
 * What one contender cost over several iterations, as medians.
 *
 * @param name the contender
 * @param nanos median wall time of one iteration
 * @param allocatedBytes median heap allocation of one iteration, all threads
 * @param peakHeapBytes median peak heap in use during one iteration
 */
record Measurement(String name, long nanos, long allocatedBytes, long peakHeapBytes) {

	static Measurement of(String name, long[] nanos, long[] allocated, long[] peakHeap) {
		return new Measurement(name, median(nanos), median(allocated), median(peakHeap));
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
