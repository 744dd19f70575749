package dev.imgwire.spring.boot.autoconfigure.reliability;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.client.retry.ImgwireRetryReason;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.state.EmulatedImage;
import dev.imgwire.spring.boot.autoconfigure.ImgwireEmulatorExtension;
import dev.imgwire.spring.boot.autoconfigure.ImgwireWebClientCustomizer;
import dev.imgwire.spring.boot.autoconfigure.TestImages;
import dev.imgwire.spring.boot.autoconfigure.observation.ImgwireObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix: a thousand logical uploads through the auto-configured client, 32 at
 * a time, while the emulator fails about a third of all requests in every way the
 * official SDKs handle badly (see {@link FaultSchedule} for how faults are scheduled).
 * Proves that every upload ends, nothing is duplicated or half-stored, no connection is
 * leaked, and that the retries observed add up exactly to the faults injected.
 *
 * @author Imgwire
 */
class FaultMatrixTests {

	static final int UPLOADS = 1000;

	static final int CONCURRENCY = 32;

	static final long SEED = 20260525L;

	static final int MAX_RETRIES = 2;

	static final Duration MAX_DELAY = Duration.ofMillis(20);

	static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(500);

	/**
	 * Longer than the response timeout, and longer than two timed-out attempts plus their
	 * back-offs, so that a stalled request never wakes up while a later attempt of the
	 * same upload is still on its way.
	 */
	static final Duration STALL = Duration.ofMillis(1500);

	/**
	 * How long the emulator's state must stay unchanged before the test looks at it.
	 */
	static final Duration QUIET = Duration.ofMillis(500);

	private final ApplicationContextRunner contextRunner = ImgwireEmulatorExtension.contextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				ImgwireObservationAutoConfiguration.class))
		.withPropertyValues("imgwire.retry.max-retries=" + MAX_RETRIES, "imgwire.retry.initial-delay=1ms",
				"imgwire.retry.max-delay=" + MAX_DELAY.toMillis() + "ms",
				"imgwire.response-timeout=" + RESPONSE_TIMEOUT.toMillis() + "ms", "imgwire.upload-timeout=5s",
				"imgwire.connect-timeout=2s");

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void everyUploadEndsOnceWithItsBytesAndTheRetriesAddUpToTheFaults() {
		PoolMetrics pool = new PoolMetrics();
		ConnectionProvider provider = ConnectionProvider.builder("imgwire-fault-matrix")
			.maxConnections(2 * CONCURRENCY)
			.pendingAcquireTimeout(Duration.ofSeconds(30))
			.metrics(true, () -> pool)
			.build();
		RetryRecorder retries = new RetryRecorder();
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			FaultSchedule schedule = new FaultSchedule(emulator, SEED, UPLOADS, MAX_RETRIES + 1, STALL);
			this.contextRunner
				.withPropertyValues("imgwire.base-url=" + emulator.baseUrl(),
						"imgwire.server-key=" + emulator.serverKey())
				.withBean(RetryRecorder.class, () -> retries)
				.withBean("faultMatrixWebClientCustomizer", ImgwireWebClientCustomizer.class,
						() -> new DedicatedPoolCustomizer(provider, schedule))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					runMatrix(context.getBean(ImgwireImagesClient.class), emulator, schedule, pool, retries,
							context.getBean(MeterRegistry.class));
				});
		}
		finally {
			provider.disposeLater().block(Duration.ofSeconds(10));
		}
	}

	private void runMatrix(ImgwireImagesClient client, ImgwireEmulator emulator, FaultSchedule schedule,
			PoolMetrics pool, RetryRecorder retries, MeterRegistry meters) throws InterruptedException {
		List<byte[]> images = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			images.add(TestImages.png(1 + i % 4, 1 + i / 4));
		}
		warmUp(client, images, emulator, retries);
		schedule.arm();
		long retryTimersBefore = retryTimerCount(meters);
		long started = System.nanoTime();
		List<Outcome> outcomes = Flux.range(0, UPLOADS)
			.flatMap((index) -> upload(client, schedule, index, images.get(index % images.size())), CONCURRENCY)
			.collectList()
			.block(Duration.ofSeconds(100));
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		// A stalled request is held by the emulator for its whole stall, even after the
		// client gave up on it, then runs; let those finish before looking at the state.
		awaitQuietEmulator(emulator);

		// Every logical upload ended, either with an image or with a typed exception that
		// comes after the whole retry budget (every fault injected here is retryable).
		assertThat(outcomes).hasSize(UPLOADS);
		List<Outcome> ok = outcomes.stream().filter((outcome) -> outcome.image() != null).toList();
		List<Outcome> failed = outcomes.stream().filter((outcome) -> outcome.error() != null).toList();
		assertThat(ok.size() + failed.size()).isEqualTo(UPLOADS);
		assertThat(failed).allSatisfy((outcome) -> {
			assertThat(outcome.error()).isInstanceOf(ImgwireException.class);
			assertThat(((ImgwireException) outcome.error()).getAttempts()).isEqualTo(MAX_RETRIES + 1);
			assertThat(ImgwireRetryReason.of(outcome.error())).isPresent();
		});

		// Every enqueued fault was injected.
		for (EmulatorOperation operation : List.of(EmulatorOperation.STANDARD_UPLOAD, EmulatorOperation.PRESIGNED_PUT,
				EmulatorOperation.RETRIEVE)) {
			assertThat(emulator.faults().injected(operation)).as("faults injected into %s", operation)
				.isEqualTo(schedule.enqueued(operation));
		}
		long injected = emulator.faults().injectedTotal();
		long requests = emulator.state().totalRequests();
		assertThat(injected).isEqualTo(schedule.enqueuedTotal());
		assertThat((double) injected / requests).as("share of requests that hit a fault").isGreaterThanOrEqualTo(0.25);

		// One image per key; every successful upload has exactly its own image, READY,
		// with all of its bytes.
		List<EmulatedImage> stored = emulator.state().images();
		assertThat(stored).allSatisfy((image) -> assertThat(image.idempotencyKey()).isNotNull());
		Map<String, Long> perKey = stored.stream()
			.collect(Collectors.groupingBy(EmulatedImage::idempotencyKey, Collectors.counting()));
		long duplicates = perKey.values().stream().filter((count) -> count > 1).mapToLong((count) -> count - 1).sum();
		assertThat(duplicates).isZero();
		Set<String> okKeys = ok.stream().map((outcome) -> outcome.image().idempotencyKey()).collect(Collectors.toSet());
		assertThat(okKeys).hasSize(ok.size());
		assertThat(ok).allSatisfy((outcome) -> {
			Image image = outcome.image();
			assertThat(image.status()).isEqualTo(ImageStatus.READY);
			Optional<EmulatedImage> held = emulator.state().image(image.id());
			assertThat(held).isPresent();
			assertThat(held.get().idempotencyKey()).isEqualTo(image.idempotencyKey());
			assertThat(held.get().status()).isEqualTo("READY");
			assertThat(emulator.state().storedSize(image.id())).isEqualTo(outcome.source().length);
			assertThat(emulator.state().storedBytes(image.id())).hasValueSatisfying(
					(bytes) -> assertThat(Arrays.equals(bytes, outcome.source())).as("stored bytes").isTrue());
		});
		// A failed upload leaves at most the one record its key names.
		long leftovers = stored.stream().filter((image) -> !okKeys.contains(image.idempotencyKey())).count();
		assertThat(leftovers).isLessThanOrEqualTo(failed.size());
		assertThat(stored).hasSize(ok.size() + (int) leftovers);

		// No connection is still acquired.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (pool.acquired() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(pool.acquired()).as("acquired connections").isZero();

		// The retry counter, from observations, agrees with the meter registry.
		assertThat(retries.total()).isEqualTo(retryTimerCount(meters) - retryTimersBefore);
		// Every request the emulator saw either succeeded (one per step an upload got
		// through: create, PUT, GET, and the read that confirms a retried PUT answered
		// 409), or failed and was retried, or failed and ended its upload with a typed
		// exception.
		long succeededRequests = 3L * ok.size()
				+ failed.stream().mapToLong((outcome) -> stepsBefore(outcome.error())).sum()
				+ retries.deliveryConfirmations();
		assertThat(requests).as("requests = succeeded + retried + final failures")
			.isEqualTo(succeededRequests + retries.total() + failed.size());
		// Every failed request was a fault: per retry reason, faults injected = retries +
		// uploads that failed with that reason. A response timeout may also fire on an
		// unfaulted request when the machine is starved of CPU; such timeouts are counted
		// and shown, and must stay rare.
		Map<String, Long> failuresByReason = failed.stream()
			.collect(Collectors.groupingBy((outcome) -> ImgwireRetryReason.of(outcome.error()).get().value(),
					TreeMap::new, Collectors.counting()));
		Map<String, Long> observedByReason = new TreeMap<>();
		for (String reason : List.of("server_error", "rate_limited", "connection_error", "timeout")) {
			observedByReason.put(reason, retries.byReason(reason) + failuresByReason.getOrDefault(reason, 0L));
		}
		Map<String, Long> injectedByReason = schedule.byRetryReason();
		// A fault whose answer comes after the response timeout, on a machine starved of
		// CPU, is observed as a timeout instead: the only movement between reasons
		// allowed.
		long movedToTimeout = 0;
		for (String reason : List.of("server_error", "rate_limited", "connection_error")) {
			long injectedForReason = injectedByReason.getOrDefault(reason, 0L);
			assertThat(observedByReason.get(reason)).as("retries + failures for %s", reason)
				.isBetween(injectedForReason - requests / 100, injectedForReason);
			movedToTimeout += injectedForReason - observedByReason.get(reason);
		}
		long spuriousTimeouts = observedByReason.get("timeout") - injectedByReason.getOrDefault("timeout", 0L)
				- movedToTimeout;
		assertThat(spuriousTimeouts).as("timeouts without a fault").isNotNegative();
		assertThat(movedToTimeout + spuriousTimeouts).as("timeouts without a stall").isBetween(0L, requests / 100);
		assertThat(retries.total() + failed.size()).isEqualTo(injected + spuriousTimeouts);
		// Retry-After was honoured: every retry after an answer carrying one waited
		// exactly that long, capped by imgwire.retry.max-delay; no other back-off went
		// beyond imgwire.retry.max-delay.
		assertThat(retries.retryAfterHonoured()).isPositive();
		assertThat(retries.retryAfterViolations()).isEmpty();
		assertThat(retries.backoffAboveMaxDelay()).isZero();

		Map<String, Long> byOperation = new TreeMap<>();
		for (EmulatorOperation operation : List.of(EmulatorOperation.STANDARD_UPLOAD, EmulatorOperation.PRESIGNED_PUT,
				EmulatorOperation.RETRIEVE)) {
			byOperation.put(operation.name(), emulator.faults().injected(operation));
		}
		System.out
			.printf("fault-matrix: uploads=%d concurrency=%d ok=%d failed=%d requests=%d faults=%d (%.1f%% of requests) "
					+ "faults-by-operation=%s faults-by-kind=%s retries=%d retries-by-reason=%s retry-after-honoured=%d "
					+ "failed-by-reason=%s moved-to-timeout=%d spurious-timeouts=%d images=%d leftover-records=%d duplicates=%d "
					+ "leaked-connections=%d elapsed=%dms seed=%d%n", UPLOADS, CONCURRENCY, ok.size(), failed.size(),
					requests, injected, 100.0 * injected / requests, byOperation, schedule.byKind(), retries.total(),
					retries.byReason(), retries.retryAfterHonoured(), failuresByReason, movedToTimeout,
					spuriousTimeouts, stored.size(), leftovers, duplicates, pool.acquired(), elapsedMillis, SEED);
	}

	/**
	 * Uploads without faults, so that the matrix does not time out on a cold JVM; then
	 * the emulator and the recorder start afresh.
	 */
	private static void warmUp(ImgwireImagesClient client, List<byte[]> images, ImgwireEmulator emulator,
			RetryRecorder retries) {
		Flux.range(0, 2 * CONCURRENCY)
			// A cold JVM may time out now and then; that is what the warm-up is for.
			.flatMap((index) -> client
				.upload(UploadSource.fromBytes(images.get(index % images.size())),
						UploadOptions.defaults().withFileName("warm-up.png"))
				.onErrorResume(ImgwireException.class, (ex) -> Mono.empty()), CONCURRENCY)
			.then()
			.block(Duration.ofSeconds(60));
		emulator.reset();
		retries.reset();
	}

	/**
	 * Wait, at least as long as a stall, until the emulator's requests, faults, images
	 * and open PUT streams have stayed the same for {@link #QUIET}; at most ten seconds
	 * more.
	 */
	private static void awaitQuietEmulator(ImgwireEmulator emulator) throws InterruptedException {
		long now = System.nanoTime();
		long earliest = now + STALL.toNanos();
		long deadline = earliest + TimeUnit.SECONDS.toNanos(10);
		List<Object> last = emulatorSnapshot(emulator);
		long quietSince = now;
		while (System.nanoTime() < deadline) {
			Thread.sleep(50);
			List<Object> snapshot = emulatorSnapshot(emulator);
			if (!snapshot.equals(last)) {
				last = snapshot;
				quietSince = System.nanoTime();
			}
			else if (System.nanoTime() >= earliest && System.nanoTime() - quietSince >= QUIET.toNanos()
					&& emulator.state().openPutStreams() == 0) {
				return;
			}
		}
		throw new AssertionError("The emulator did not settle: " + last);
	}

	private static List<Object> emulatorSnapshot(ImgwireEmulator emulator) {
		return List.of(emulator.state().totalRequests(), emulator.faults().injectedTotal(),
				emulator.state().openPutStreams(), emulator.state().images());
	}

	private static long retryTimerCount(MeterRegistry meters) {
		return meters.find("imgwire.client.retries").timers().stream().mapToLong(Timer::count).sum();
	}

	/**
	 * How many requests of an upload succeeded before the one that ended it.
	 */
	private static long stepsBefore(Throwable error) {
		String pathTemplate = (error instanceof ImgwireApiException api) ? api.getPathTemplate()
				: ((ImgwireTransportException) error).getPathTemplate();
		return switch (pathTemplate) {
			case "/api/v1/images/standard_upload" -> 0;
			case "{upload_url}" -> 1;
			case "/api/v1/images/{image_id}" -> 2;
			default -> throw new IllegalStateException("Unexpected step " + pathTemplate);
		};
	}

	private static Mono<Outcome> upload(ImgwireImagesClient client, FaultSchedule schedule, int index, byte[] source) {
		return Mono.defer(() -> {
			schedule.beforeUpload(index);
			return client.upload(UploadSource.fromBytes(source),
					UploadOptions.defaults().withFileName("fm-" + index + ".png"));
		})
			.map((image) -> new Outcome(index, source, image, null))
			// A hang would end here with a TimeoutException, which is no
			// ImgwireException.
			.timeout(Duration.ofSeconds(30))
			.onErrorResume((ex) -> Mono.just(new Outcome(index, source, null, ex)));
	}

	record Outcome(int index, byte[] source, Image image, Throwable error) {

	}

	/**
	 * Gives the client a connection pool of its own, whose acquired count the test reads,
	 * and the filter that schedules PUT and GET faults. Runs after the auto-configured
	 * connector customizer (order 0), so its connector wins.
	 */
	static final class DedicatedPoolCustomizer implements ImgwireWebClientCustomizer, Ordered {

		private final ConnectionProvider provider;

		private final FaultSchedule schedule;

		DedicatedPoolCustomizer(ConnectionProvider provider, FaultSchedule schedule) {
			this.provider = provider;
			this.schedule = schedule;
		}

		@Override
		public void customize(WebClient.Builder webClientBuilder) {
			HttpClient httpClient = HttpClient.create(this.provider).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000);
			webClientBuilder.clientConnector(new ReactorClientHttpConnector(httpClient)).filter(this.schedule.filter());
		}

		@Override
		public int getOrder() {
			return 10;
		}

	}

	/**
	 * Reactor Netty's view of the dedicated pool, per remote address.
	 */
	static final class PoolMetrics implements ConnectionProvider.MeterRegistrar {

		private final List<ConnectionPoolMetrics> pools = new CopyOnWriteArrayList<>();

		@Override
		public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
				ConnectionPoolMetrics metrics) {
			this.pools.add(metrics);
		}

		int acquired() {
			return this.pools.stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
		}

	}

	/**
	 * Counts {@code imgwire.client.retries} observations, per reason, and checks each
	 * back-off against the failure that caused it.
	 */
	static final class RetryRecorder implements ObservationHandler<ImgwireClientObservationContext> {

		private final Map<String, AtomicLong> byReason = new java.util.concurrent.ConcurrentHashMap<>();

		private final AtomicLong retryAfterHonoured = new AtomicLong();

		private final AtomicLong backoffAboveMaxDelay = new AtomicLong();

		private final List<String> retryAfterViolations = new CopyOnWriteArrayList<>();

		/**
		 * Reads of the image record that confirm a retried PUT answered 409 (see the
		 * README's retry table) and succeeded: requests no upload step accounts for.
		 */
		private final AtomicLong deliveryConfirmations = new AtomicLong();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof ImgwireClientObservationContext;
		}

		@Override
		public void onStop(ImgwireClientObservationContext context) {
			if (!context.isRetry()) {
				if (context.getOperation() == ImgwireOperation.RETRIEVE && context.getError() == null
						&& context.getParentObservation() != null
						&& context.getParentObservation()
							.getContextView() instanceof ImgwireClientObservationContext parent
						&& parent.getOperation() == ImgwireOperation.PUT_BYTES) {
					this.deliveryConfirmations.incrementAndGet();
				}
				return;
			}
			this.byReason.computeIfAbsent(String.valueOf(context.getRetryReason()), (key) -> new AtomicLong())
				.incrementAndGet();

			Duration delay = context.getRetryDelay();
			if (context.getError() instanceof ImgwireApiException api && api.getRetryAfter() != null) {
				Duration expected = (api.getRetryAfter().compareTo(MAX_DELAY) > 0) ? MAX_DELAY : api.getRetryAfter();
				if (expected.equals(delay)) {
					this.retryAfterHonoured.incrementAndGet();
				}
				else {
					this.retryAfterViolations.add("HTTP " + api.getStatusCode() + " Retry-After " + api.getRetryAfter()
							+ " but waited " + delay);
				}
			}
			else if (delay == null || delay.compareTo(MAX_DELAY) > 0) {
				this.backoffAboveMaxDelay.incrementAndGet();
			}
		}

		long deliveryConfirmations() {
			return this.deliveryConfirmations.get();
		}

		void reset() {
			this.deliveryConfirmations.set(0);
			this.byReason.clear();
			this.retryAfterHonoured.set(0);
			this.backoffAboveMaxDelay.set(0);
			this.retryAfterViolations.clear();
		}

		long total() {
			return this.byReason.values().stream().mapToLong(AtomicLong::get).sum();
		}

		long byReason(String reason) {
			AtomicLong count = this.byReason.get(reason);
			return (count != null) ? count.get() : 0;
		}

		Map<String, Long> byReason() {
			Map<String, Long> counts = new TreeMap<>();
			this.byReason.forEach((reason, count) -> counts.put(reason, count.get()));
			return counts;
		}

		long retryAfterHonoured() {
			return this.retryAfterHonoured.get();
		}

		long backoffAboveMaxDelay() {
			return this.backoffAboveMaxDelay.get();
		}

		List<String> retryAfterViolations() {
			return this.retryAfterViolations;
		}

	}

}
