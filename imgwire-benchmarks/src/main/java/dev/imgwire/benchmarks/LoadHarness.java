package dev.imgwire.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closed-loop load: a contender's call is made {@code calls} times with at most
 * {@code concurrency} in flight, each call starting as another ends. Contenders of one
 * scenario run in rounds, one phase each per round in an order that rotates, so that a
 * slow moment of the machine (GC, another build on the shared cores) falls on all of them
 * alike; ratios are then taken between phases of the same round.
 */
final class LoadHarness {

	private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(20);

	private final ThreadMeter meter = new ThreadMeter();

	/**
	 * One way of making a call.
	 *
	 * @param name the contender's name
	 * @param call makes call number {@code i}
	 * @param before runs before each phase, unmeasured
	 * @param after checks each phase, unmeasured
	 */
	record Contender(String name, IntFunction<Mono<?>> call, Runnable before, Consumer<Phase> after) {

		Contender(String name, IntFunction<Mono<?>> call) {
			this(name, call, () -> {
			}, (phase) -> {
			});
		}

	}

	/**
	 * Run each contender for {@code warmupCalls} (interleaved in chunks), then
	 * {@code rounds} measured phases of {@code calls} each.
	 * @param contenders the contenders, the baseline first
	 * @param concurrency calls in flight
	 * @param warmupCalls calls per contender before measuring
	 * @param calls calls per measured phase
	 * @param rounds measured phases per contender
	 * @return the phases of each contender, by name, in round order
	 */
	Map<String, List<Phase>> compare(List<Contender> contenders, int concurrency, int warmupCalls, int calls,
			int rounds) {
		int chunk = Math.max(1, Math.min(warmupCalls, Math.max(calls, 5_000)));
		for (int done = 0; done < warmupCalls; done += chunk) {
			for (Contender contender : contenders) {
				run(contender, Math.min(chunk, warmupCalls - done), concurrency);
			}
		}
		Map<String, List<Phase>> phases = new LinkedHashMap<>();
		contenders.forEach((contender) -> phases.put(contender.name(), new ArrayList<>()));
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < contenders.size(); i++) {
				Contender contender = contenders.get((round + i) % contenders.size());
				Objects.requireNonNull(phases.get(contender.name())).add(run(contender, calls, concurrency));
			}
		}
		return phases;
	}

	/**
	 * One phase.
	 * @param contender the contender
	 * @param calls the calls to make
	 * @param concurrency calls in flight
	 * @return the phase
	 */
	Phase run(Contender contender, int calls, int concurrency) {
		contender.before().run();
		long[] latencies = new long[calls];
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger completed = new AtomicInteger();
		System.gc();
		ThreadMeter.Snapshot before = this.meter.snapshot();
		Flux.range(0, calls).flatMap((i) -> {
			long start = System.nanoTime();
			return contender.call().apply(i).doOnSuccess((value) -> {
				latencies[i] = System.nanoTime() - start;
				completed.incrementAndGet();
			}).onErrorResume((ex) -> {
				if (errors.getAndIncrement() == 0) {
					System.err.println(contender.name() + ": " + ex);
				}
				return Mono.empty();
			});
		}, concurrency, 1).blockLast(PHASE_TIMEOUT);
		ThreadMeter.Usage usage = this.meter.snapshot().since(before);
		Phase phase = Phase.of(contender.name(), completed.get(), errors.get(), usage,
				(errors.get() == 0) ? latencies : Arrays.stream(latencies).filter((latency) -> latency > 0).toArray());
		contender.after().accept(phase);
		return phase;
	}

}
