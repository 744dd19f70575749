package dev.imgwire.benchmarks;

/**
 * Runs contenders with warm-up and measured iterations, interleaved so that a slow phase
 * of the machine (GC, the other core busy) hits both sides of a comparison alike.
 */
final class BenchmarkRunner {

	private final int warmups;

	private final int iterations;

	private final HeapMeter heap = new HeapMeter();

	BenchmarkRunner(int warmups, int iterations) {
		this.warmups = warmups;
		this.iterations = iterations;
	}

	Comparison compare(String scenario, String baselineName, Contender baseline, String candidateName,
			Contender candidate) throws Exception {
		for (int i = 0; i < this.warmups; i++) {
			baseline.runOnce();
			candidate.runOnce();
		}
		Samples baselineSamples = new Samples(this.iterations);
		Samples candidateSamples = new Samples(this.iterations);
		for (int i = 0; i < this.iterations; i++) {
			measure(baseline, baselineSamples, i);
			measure(candidate, candidateSamples, i);
		}
		return new Comparison(scenario, baselineSamples.toMeasurement(baselineName),
				candidateSamples.toMeasurement(candidateName));
	}

	private void measure(Contender contender, Samples samples, int index) throws Exception {
		this.heap.resetPeak();
		long allocatedBefore = this.heap.allocatedBytes();
		long start = System.nanoTime();
		contender.runOnce();
		samples.nanos[index] = System.nanoTime() - start;
		samples.allocated[index] = this.heap.allocatedBytes() - allocatedBefore;
		samples.peakHeap[index] = this.heap.peakUsedBytes();
	}

	private static final class Samples {

		private final long[] nanos;

		private final long[] allocated;

		private final long[] peakHeap;

		Samples(int iterations) {
			this.nanos = new long[iterations];
			this.allocated = new long[iterations];
			this.peakHeap = new long[iterations];
		}

		Measurement toMeasurement(String name) {
			return Measurement.of(name, this.nanos, this.allocated, this.peakHeap);
		}

	}

}
