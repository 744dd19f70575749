package dev.imgwire.emulator.state;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import dev.imgwire.emulator.EmulatorOperation;

/**
 * Requests seen per operation, counted as soon as a request is routed so that requests
 * answered by a fault or an auth error are included.
 *
 * @author imgwire
 */
public final class RequestCounters {

	private final Map<EmulatorOperation, LongAdder> counters = new EnumMap<>(EmulatorOperation.class);

	public RequestCounters() {
		for (EmulatorOperation operation : EmulatorOperation.values()) {
			this.counters.put(operation, new LongAdder());
		}
	}

	public void increment(EmulatorOperation operation) {
		Objects.requireNonNull(this.counters.get(operation)).increment();
	}

	public long count(EmulatorOperation operation) {
		return Objects.requireNonNull(this.counters.get(operation)).sum();
	}

	public long total() {
		return this.counters.values().stream().mapToLong(LongAdder::sum).sum();
	}

	public void clear() {
		this.counters.values().forEach(LongAdder::reset);
	}

}
