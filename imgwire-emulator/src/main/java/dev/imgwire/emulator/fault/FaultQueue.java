package dev.imgwire.emulator.fault;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import dev.imgwire.emulator.EmulatorOperation;

/**
 * Faults waiting for the next requests of each operation, in registration order.
 * <p>
 * {@link #take(EmulatorOperation)} hands each registered count out exactly once, even
 * when many requests for the same operation arrive together.
 *
 * @author imgwire
 */
public final class FaultQueue {

	private final Map<EmulatorOperation, Deque<Pending>> pending = new EnumMap<>(EmulatorOperation.class);

	private final Map<EmulatorOperation, AtomicLong> injected = new EnumMap<>(EmulatorOperation.class);

	public FaultQueue() {
		for (EmulatorOperation operation : EmulatorOperation.values()) {
			this.pending.put(operation, new ArrayDeque<>());
			this.injected.put(operation, new AtomicLong());
		}
	}

	synchronized void add(EmulatorOperation operation, int count, Fault fault) {
		queue(operation).addLast(new Pending(fault, count));
	}

	/**
	 * Take the fault for the request being handled, counting it as injected.
	 * @param operation the operation of the request
	 * @return the fault, or empty for normal behaviour
	 */
	public synchronized Optional<Fault> take(EmulatorOperation operation) {
		Deque<Pending> queue = queue(operation);
		Pending head = queue.peekFirst();
		if (head == null) {
			return Optional.empty();
		}
		head.remaining--;
		if (head.remaining == 0) {
			queue.removeFirst();
		}
		injectedCount(operation).incrementAndGet();
		return Optional.of(head.fault);
	}

	synchronized void clearPending() {
		this.pending.values().forEach(Deque::clear);
	}

	long injected(EmulatorOperation operation) {
		return injectedCount(operation).get();
	}

	long injectedTotal() {
		return this.injected.values().stream().mapToLong(AtomicLong::get).sum();
	}

	/** Forget pending faults and injection counts. */
	public synchronized void reset() {
		clearPending();
		this.injected.values().forEach((counter) -> counter.set(0));
	}

	private static final class Pending {

		private final Fault fault;

		private int remaining;

		Pending(Fault fault, int remaining) {
			this.fault = fault;
			this.remaining = remaining;
		}

	}

	// Both maps hold every operation from construction on.
	private Deque<Pending> queue(EmulatorOperation operation) {
		return Objects.requireNonNull(this.pending.get(operation));
	}

	private AtomicLong injectedCount(EmulatorOperation operation) {
		return Objects.requireNonNull(this.injected.get(operation));
	}

}
