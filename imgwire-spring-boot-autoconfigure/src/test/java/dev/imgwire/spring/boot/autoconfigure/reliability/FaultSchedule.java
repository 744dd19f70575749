package dev.imgwire.spring.boot.autoconfigure.reliability;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.fault.FaultPlan;

/**
 * A seeded schedule of faults for the fault matrix, and the bookkeeping of what was
 * enqueued.
 * <p>
 * The emulator's faults apply to "the next N requests of an operation", whoever sends
 * them. Enqueuing the whole schedule up front would hit only the first uploads; so each
 * logical upload enqueues its own faults right before it sends its own first request of
 * the operation: the create fault before the upload is subscribed, the PUT and GET faults
 * (from a filter of the client) right before its first PUT and its first GET of the
 * image. Under concurrency a fault may land on a neighbour's request instead, but every
 * enqueued fault is consumed: each enqueuer sends at least as many requests of that
 * operation afterwards as it enqueued (bursts are at most {@code maxRetries + 1} long,
 * and a request that meets a fault is retried until the budget is spent), so after the
 * last moment the queue was empty every request takes a fault, and the queue cannot be
 * left non-empty. The test checks this: {@code injected(op)} equals what was enqueued.
 * <p>
 * The plan itself (which fault, how many) is a pure function of the seed and of the
 * upload index (creates) or of the rank of the first PUT or GET (puts and gets).
 *
 * @author Imgwire
 */
final class FaultSchedule {

	/**
	 * The kinds of fault, with the retry reason each must produce.
	 */
	enum Kind {

		UNAVAILABLE_RETRY_AFTER("server_error"), RATE_LIMITED_RETRY_AFTER("rate_limited"),
		INTERNAL_ERROR("server_error"), BAD_GATEWAY("server_error"), CONNECTION_RESET("connection_error"),
		RESPONSE_LOST("connection_error"), STALL("timeout"), DRIP("timeout");

		private final String retryReason;

		Kind(String retryReason) {
			this.retryReason = retryReason;
		}

		String retryReason() {
			return this.retryReason;
		}

		String label() {
			return switch (this) {
				case UNAVAILABLE_RETRY_AFTER -> "503+Retry-After";
				case RATE_LIMITED_RETRY_AFTER -> "429+Retry-After";
				case INTERNAL_ERROR -> "500";
				case BAD_GATEWAY -> "502";
				case CONNECTION_RESET -> "reset";
				case RESPONSE_LOST -> "response-lost";
				case STALL -> "stall";
				case DRIP -> "drip";
			};
		}

	}

	/**
	 * One planned fault: the kind and how many consecutive requests get it.
	 */
	record Planned(Kind kind, int count) {

	}

	private static final List<Kind> CREATE_KINDS = List.of(Kind.values());

	/**
	 * A lost PUT response is left out: the emulator answers a repeated PUT after a
	 * successful one with 409, as a storage that refuses overwrites would. A dripping
	 * body too: the PUT's answer has none.
	 */
	private static final List<Kind> PUT_KINDS = List.of(Kind.UNAVAILABLE_RETRY_AFTER, Kind.RATE_LIMITED_RETRY_AFTER,
			Kind.INTERNAL_ERROR, Kind.BAD_GATEWAY, Kind.CONNECTION_RESET, Kind.STALL);

	private static final List<Kind> RETRIEVE_KINDS = List.of(Kind.UNAVAILABLE_RETRY_AFTER, Kind.INTERNAL_ERROR,
			Kind.BAD_GATEWAY, Kind.CONNECTION_RESET, Kind.RESPONSE_LOST, Kind.STALL, Kind.DRIP);

	private final ImgwireEmulator emulator;

	private final Duration stall;

	private final Planned[] creates;

	private final Planned[] puts;

	private final Planned[] retrieves;

	private final AtomicInteger nextPut = new AtomicInteger();

	private final AtomicInteger nextRetrieve = new AtomicInteger();

	private final Set<String> seenPuts = ConcurrentHashMap.newKeySet();

	private final Set<String> seenRetrieves = ConcurrentHashMap.newKeySet();

	private final Map<EmulatorOperation, Map<Kind, AtomicLong>> enqueued = new EnumMap<>(EmulatorOperation.class);

	private volatile boolean armed;

	FaultSchedule(ImgwireEmulator emulator, long seed, int uploads, int maxBurst, Duration stall) {
		this.emulator = emulator;
		this.stall = stall;
		Random random = new Random(seed);
		this.creates = plan(random, uploads, 0.55, CREATE_KINDS, maxBurst);
		this.puts = plan(random, uploads, 0.45, PUT_KINDS, maxBurst);
		this.retrieves = plan(random, uploads, 0.25, RETRIEVE_KINDS, maxBurst);
		for (EmulatorOperation operation : List.of(EmulatorOperation.STANDARD_UPLOAD, EmulatorOperation.PRESIGNED_PUT,
				EmulatorOperation.RETRIEVE)) {
			Map<Kind, AtomicLong> counts = new EnumMap<>(Kind.class);
			for (Kind kind : Kind.values()) {
				counts.put(kind, new AtomicLong());
			}
			this.enqueued.put(operation, counts);
		}
	}

	private static Planned[] plan(Random random, int size, double probability, List<Kind> kinds, int maxBurst) {
		Planned[] plan = new Planned[size];
		for (int i = 0; i < size; i++) {
			if (random.nextDouble() < probability) {
				Kind kind = kinds.get(random.nextInt(kinds.size()));
				// One in ten is a burst that can exhaust an upload's retry budget.
				int count = (random.nextInt(10) == 0) ? maxBurst : 1;
				plan[i] = new Planned(kind, count);
			}
		}
		return plan;
	}

	/**
	 * Start scheduling faults; until then the filter lets every request through untouched
	 * (warm-up).
	 */
	void arm() {
		this.armed = true;
	}

	/**
	 * Called by upload {@code index} right before it is subscribed.
	 * @param index the upload's index
	 */
	void beforeUpload(int index) {
		enqueue(EmulatorOperation.STANDARD_UPLOAD, this.creates[index]);
	}

	/**
	 * A filter that enqueues the PUT and GET faults of an upload right before its first
	 * PUT and its first GET of the image.
	 * @return the filter
	 */
	ExchangeFilterFunction filter() {
		return (request, next) -> {
			String path = request.url().getPath();
			if (!this.armed) {
				return next.exchange(request);
			}
			if (HttpMethod.PUT.equals(request.method()) && this.seenPuts.add(path)) {
				enqueue(EmulatorOperation.PRESIGNED_PUT, next(this.puts, this.nextPut));
			}
			else if (HttpMethod.GET.equals(request.method()) && path.startsWith("/api/v1/images/")
					&& path.length() > "/api/v1/images/".length() && this.seenRetrieves.add(path)) {
				enqueue(EmulatorOperation.RETRIEVE, next(this.retrieves, this.nextRetrieve));
			}
			return next.exchange(request);
		};
	}

	private static Planned next(Planned[] plan, AtomicInteger cursor) {
		int index = cursor.getAndIncrement();
		return (index < plan.length) ? plan[index] : null;
	}

	private void enqueue(EmulatorOperation operation, Planned planned) {
		if (planned == null) {
			return;
		}
		FaultPlan next = this.emulator.faults().next(operation, planned.count());
		switch (planned.kind()) {
			case UNAVAILABLE_RETRY_AFTER -> next.respondWith(503, Duration.ofSeconds(1));
			// An HTTP date an hour ahead: capped by imgwire.retry.max-delay.
			case RATE_LIMITED_RETRY_AFTER -> next.respondWith(429,
					DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1)));
			case INTERNAL_ERROR -> next.respondWith(500);
			case BAD_GATEWAY -> next.respondWith(502);
			case CONNECTION_RESET -> next.resetConnection();
			case RESPONSE_LOST -> next.loseResponse();
			case STALL -> next.stall(this.stall);
			// Every byte well within the response timeout, the whole answer far beyond
			// it: only a deadline for the whole answer ends the attempt.
			case DRIP -> next.dripBody(1, Duration.ofMillis(100));
		}
		this.enqueued.get(operation).get(planned.kind()).addAndGet(planned.count());
	}

	long enqueued(EmulatorOperation operation) {
		return this.enqueued.get(operation).values().stream().mapToLong(AtomicLong::get).sum();
	}

	long enqueuedTotal() {
		return this.enqueued.keySet().stream().mapToLong(this::enqueued).sum();
	}

	/**
	 * Faults enqueued per kind, over all operations.
	 * @return label to count, in a stable order
	 */
	Map<String, Long> byKind() {
		Map<String, Long> counts = new TreeMap<>();
		this.enqueued.values()
			.forEach((perKind) -> perKind.forEach((kind, count) -> counts.merge(kind.label(), count.get(), Long::sum)));
		return counts;
	}

	/**
	 * Faults enqueued per retry reason they must cause, over all operations.
	 * @return reason to count
	 */
	Map<String, Long> byRetryReason() {
		Map<String, Long> counts = new TreeMap<>();
		this.enqueued.values()
			.forEach((perKind) -> perKind
				.forEach((kind, count) -> counts.merge(kind.retryReason(), count.get(), Long::sum)));
		return counts;
	}

}
