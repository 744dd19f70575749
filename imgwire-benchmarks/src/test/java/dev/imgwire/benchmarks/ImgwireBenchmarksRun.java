package dev.imgwire.benchmarks;

import org.junit.jupiter.api.Test;

/**
 * The full benchmark run, started by the {@code benchmarks} profile only (see
 * {@code BENCHMARKS.md}); options come from the {@code benchmark.args} property.
 */
class ImgwireBenchmarksRun {

	@Test
	void run() throws Exception {
		String args = System.getProperty("benchmark.args", "").strip();
		ImgwireBenchmarks.main(args.isEmpty() ? new String[0] : args.split("\\s+"));
	}

}
