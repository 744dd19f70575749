package dev.imgwire.benchmarks;

/**
 * One way of doing a benchmark's work, run once per iteration.
 */
@FunctionalInterface
interface Contender {

	void runOnce() throws Exception;

}
