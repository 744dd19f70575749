package dev.imgwire.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and heap allocation of the JVM's threads, split into the emulator's threads
 * (named {@code imgwire-emulator…}) and every other Java thread, which is the caller
 * side: the benchmark's caller thread, Reactor Netty's client event loops, Reactor's
 * schedulers.
 * <p>
 * Figures come from {@link com.sun.management.ThreadMXBean}: the CPU time and the bytes
 * allocated of each live thread, read before and after a phase. A thread that ends during
 * a phase loses its share, which the benchmarks avoid by keeping their threads alive. JIT
 * compiler and GC threads are not Java threads and count on neither side.
 */
final class ThreadMeter {

	static final String EMULATOR_THREAD_PREFIX = "imgwire-emulator";

	private final com.sun.management.ThreadMXBean threads;

	ThreadMeter() {
		this.threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		this.threads.setThreadCpuTimeEnabled(true);
		this.threads.setThreadAllocatedMemoryEnabled(true);
	}

	Snapshot snapshot() {
		long[] ids = this.threads.getAllThreadIds();
		ThreadInfo[] infos = this.threads.getThreadInfo(ids);
		long[] cpu = this.threads.getThreadCpuTime(ids);
		long[] allocated = this.threads.getThreadAllocatedBytes(ids);
		Map<Long, Sample> samples = new HashMap<>(ids.length * 2);
		for (int i = 0; i < ids.length; i++) {
			if (infos[i] == null || cpu[i] < 0) {
				continue;
			}
			boolean emulator = infos[i].getThreadName().startsWith(EMULATOR_THREAD_PREFIX);
			samples.put(ids[i], new Sample(emulator, cpu[i], Math.max(0, allocated[i])));
		}
		return new Snapshot(System.nanoTime(), samples);
	}

	record Sample(boolean emulator, long cpuNanos, long allocatedBytes) {
	}

	record Snapshot(long nanoTime, Map<Long, Sample> samples) {

		/**
		 * What happened between an earlier snapshot and this one.
		 * @param before the earlier snapshot
		 * @return the usage
		 */
		Usage since(Snapshot before) {
			long callerCpu = 0;
			long callerAllocated = 0;
			long emulatorCpu = 0;
			long busiestEmulatorThread = 0;
			for (Map.Entry<Long, Sample> entry : this.samples.entrySet()) {
				Sample now = entry.getValue();
				Sample then = before.samples.get(entry.getKey());
				long cpu = now.cpuNanos - ((then != null) ? then.cpuNanos : 0);
				long allocated = now.allocatedBytes - ((then != null) ? then.allocatedBytes : 0);
				if (now.emulator) {
					emulatorCpu += cpu;
					busiestEmulatorThread = Math.max(busiestEmulatorThread, cpu);
				}
				else {
					callerCpu += cpu;
					callerAllocated += allocated;
				}
			}
			return new Usage(this.nanoTime - before.nanoTime, callerCpu, callerAllocated, emulatorCpu,
					busiestEmulatorThread);
		}

	}

	/**
	 * Usage over a phase.
	 *
	 * @param wallNanos elapsed time
	 * @param callerCpuNanos CPU time of the non-emulator Java threads
	 * @param callerAllocatedBytes bytes allocated by the non-emulator Java threads
	 * @param emulatorCpuNanos CPU time of the emulator's threads
	 * @param busiestEmulatorThreadNanos CPU time of the emulator's busiest thread, which
	 * says how close its event loops came to saturation
	 */
	record Usage(long wallNanos, long callerCpuNanos, long callerAllocatedBytes, long emulatorCpuNanos,
			long busiestEmulatorThreadNanos) {

		/**
		 * The busiest emulator thread's share of the elapsed time: 1.0 means an emulator
		 * event loop was busy the whole phase and the emulator, not the client, set the
		 * pace.
		 * @return the share
		 */
		double emulatorBusiestThreadLoad() {
			return (double) this.busiestEmulatorThreadNanos / Math.max(1, this.wallNanos);
		}

	}

}
