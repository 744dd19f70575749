package dev.imgwire.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Reads two heap figures: bytes allocated so far by every live thread, and the peak heap
 * in use since the last reset. Reactor Netty's event loops do much of the reactive
 * contenders' work, so counting only the calling thread would flatter them.
 */
final class HeapMeter {

	private final com.sun.management.ThreadMXBean threads;

	private final List<MemoryPoolMXBean> heapPools;

	HeapMeter() {
		this.threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		this.threads.setThreadAllocatedMemoryEnabled(true);
		this.heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
	}

	long allocatedBytes() {
		long total = 0;
		for (long allocated : this.threads.getThreadAllocatedBytes(this.threads.getAllThreadIds())) {
			total += Math.max(0, allocated);
		}
		return total;
	}

	/**
	 * Collect garbage and restart peak tracking, so the next peak reflects what one
	 * iteration holds at once rather than what earlier ones left behind.
	 */
	void resetPeak() {
		System.gc();
		this.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	long peakUsedBytes() {
		return this.heapPools.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
	}

}
