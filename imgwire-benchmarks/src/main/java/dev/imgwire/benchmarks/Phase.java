package dev.imgwire.benchmarks;

import java.util.Arrays;

/**
 * What one contender did in one measured phase.
 *
 * @param contender the contender's name
 * @param calls calls completed
 * @param errors calls that failed
 * @param usage CPU, allocation and time over the phase
 * @param latencyNanos the latency of every call, sorted
 */
record Phase(String contender, int calls, int errors, ThreadMeter.Usage usage, long[] latencyNanos) {

	static Phase of(String contender, int calls, int errors, ThreadMeter.Usage usage, long[] latencyNanos) {
		long[] sorted = latencyNanos.clone();
		Arrays.sort(sorted);
		return new Phase(contender, calls, errors, usage, sorted);
	}

	/**
	 * The phase as one line, for a forked JVM to hand it to the parent.
	 * @return the line
	 */
	String toLine() {
		StringBuilder line = new StringBuilder("PHASE\t").append(this.contender)
			.append('\t')
			.append(this.calls)
			.append('\t')
			.append(this.errors)
			.append('\t')
			.append(this.usage.wallNanos())
			.append('\t')
			.append(this.usage.callerCpuNanos())
			.append('\t')
			.append(this.usage.callerAllocatedBytes())
			.append('\t')
			.append(this.usage.emulatorCpuNanos())
			.append('\t')
			.append(this.usage.busiestEmulatorThreadNanos())
			.append('\t');
		for (int i = 0; i < this.latencyNanos.length; i++) {
			line.append((i > 0) ? "," : "").append(this.latencyNanos[i]);
		}
		return line.toString();
	}

	/**
	 * Read a phase written by {@link #toLine()}.
	 * @param line the line
	 * @return the phase
	 */
	static Phase parse(String line) {
		String[] fields = line.split("\t", -1);
		if (fields.length != 10 || !fields[0].equals("PHASE")) {
			throw new IllegalArgumentException("Not a phase: " + line);
		}
		long[] latencies = fields[9].isEmpty() ? new long[0]
				: Arrays.stream(fields[9].split(",")).mapToLong(Long::parseLong).toArray();
		return Phase
			.of(fields[1], Integer.parseInt(fields[2]), Integer.parseInt(fields[3]),
					new ThreadMeter.Usage(Long.parseLong(fields[4]), Long.parseLong(fields[5]),
							Long.parseLong(fields[6]), Long.parseLong(fields[7]), Long.parseLong(fields[8])),
					latencies);
	}

	double throughput() {
		return this.calls / (this.usage.wallNanos() / 1e9);
	}

	long percentile(double fraction) {
		if (this.latencyNanos.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(fraction * this.latencyNanos.length) - 1;
		return this.latencyNanos[Math.max(0, Math.min(this.latencyNanos.length - 1, index))];
	}

	long p50() {
		return percentile(0.50);
	}

	long p99() {
		return percentile(0.99);
	}

	double cpuNanosPerCall() {
		return (double) this.usage.callerCpuNanos() / Math.max(1, this.calls);
	}

	double allocatedBytesPerCall() {
		return (double) this.usage.callerAllocatedBytes() / Math.max(1, this.calls);
	}

	double emulatorCpuNanosPerCall() {
		return (double) this.usage.emulatorCpuNanos() / Math.max(1, this.calls);
	}

}
