package dev.imgwire.emulator.fault;

import dev.imgwire.emulator.EmulatorOperation;

/**
 * Fault injection for one emulator. The next {@code count} requests of an operation get
 * the fault; afterwards the operation behaves normally again. Faults registered for the
 * same operation are served in registration order. Thread-safe.
 *
 * <pre class="code">
 * emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 2).respondWith(503, Duration.ofSeconds(1));
 * </pre>
 *
 * @author imgwire
 */
public final class Faults {

	private final FaultQueue queue;

	/**
	 * Create the fault API over a queue; obtain one from
	 * {@code ImgwireEmulator.faults()}.
	 * @param queue the queue the routes consume
	 */
	public Faults(FaultQueue queue) {
		this.queue = queue;
	}

	/**
	 * Choose a fault for the next requests of an operation.
	 * @param operation the operation to disturb
	 * @param count how many of its next requests get the fault, at least 1
	 * @return the plan on which to choose the fault
	 */
	public FaultPlan next(EmulatorOperation operation, int count) {
		if (operation == null) {
			throw new IllegalArgumentException("operation must not be null");
		}
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, was " + count);
		}
		return new FaultPlan(this, this.queue, operation, count);
	}

	/** Drop faults that have not been applied yet; injection counts are kept. */
	public void clear() {
		this.queue.clearPending();
	}

	/**
	 * How many faults were applied to requests of an operation.
	 * @param operation the operation
	 * @return the number of applied faults
	 */
	public long injected(EmulatorOperation operation) {
		return this.queue.injected(operation);
	}

	public long injectedTotal() {
		return this.queue.injectedTotal();
	}

	@Override
	public String toString() {
		return "Faults[injectedTotal=" + injectedTotal() + "]";
	}

}
