package dev.imgwire.client.internal.http;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.ClientHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One attempt under its deadline: exactly one outcome reaches the subscriber, the clock
 * starts with the request and stops with the attempt, failures are mapped, and the
 * attempt's cleanup runs once whatever ends it.
 */
class AttemptDeadlineTests {

	/**
	 * A request of a connector other than Reactor Netty: the clock runs on Reactor's
	 * scheduler.
	 */
	private static final ClientHttpRequest REQUEST = (ClientHttpRequest) Proxy.newProxyInstance(
			AttemptDeadlineTests.class.getClassLoader(), new Class<?>[] { ClientHttpRequest.class },
			(proxy, method, args) -> method.getName().equals("getNativeRequest") ? new Object() : null);

	private final AtomicInteger timeouts = new AtomicInteger();

	private final AtomicInteger cleanups = new AtomicInteger();

	private final AtomicInteger cancels = new AtomicInteger();

	@Test
	void aResultArrivesOnceAndStopsTheClock() throws InterruptedException {
		StepVerifier.create(attempt(Mono.just("ok"), Duration.ofMillis(50))).expectNext("ok").verifyComplete();
		Thread.sleep(150);

		assertThat(this.timeouts).hasValue(0);
		assertThat(this.cleanups).hasValue(1);
	}

	@Test
	void anAttemptThatOutlastsItsDeadlineIsCancelledAndFailsWithTheTimeout() {
		Mono<String> stalled = Mono.<String>never().doOnCancel(this.cancels::incrementAndGet);

		StepVerifier.create(attempt(stalled, Duration.ofMillis(50)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessage("mapped")
				.hasCauseInstanceOf(TimeoutException.class))
			.verify(Duration.ofSeconds(5));

		assertThat(this.timeouts).hasValue(1);
		assertThat(this.cancels).hasValue(1);
		assertThat(this.cleanups).hasValue(1);
	}

	@Test
	void aFailureIsMappedAndStopsTheClock() throws InterruptedException {
		StepVerifier.create(attempt(Mono.error(new TimeoutException("boom")), Duration.ofMillis(50)))
			.expectErrorMessage("mapped")
			.verify(Duration.ofSeconds(5));
		Thread.sleep(150);

		assertThat(this.timeouts).hasValue(0);
		assertThat(this.cleanups).hasValue(1);
	}

	@Test
	void cancellingTheAttemptCancelsTheExchangeAndCleansUp() throws InterruptedException {
		Mono<String> stalled = Mono.<String>never().doOnCancel(this.cancels::incrementAndGet);

		StepVerifier.create(attempt(stalled, Duration.ofMillis(100))).thenCancel().verify(Duration.ofSeconds(5));
		Thread.sleep(250);

		assertThat(this.cancels).hasValue(1);
		assertThat(this.cleanups).hasValue(1);
		assertThat(this.timeouts).hasValue(0);
	}

	@Test
	void cleanupsRegisteredTwiceBothRunAndOneRegisteredAfterTheEndRunsAtOnce() {
		AtomicInteger late = new AtomicInteger();
		AttemptDeadline.Attempt<?>[] kept = new AttemptDeadline.Attempt<?>[1];
		Mono<String> mono = new AttemptDeadline<String>((attempt) -> Mono.defer(() -> {
			kept[0] = attempt;
			attempt.start(REQUEST);
			attempt.onEnd(this.cleanups::incrementAndGet);
			// A connector that retries on a fresh connection creates the request again.
			attempt.start(REQUEST);
			attempt.onEnd(this.cleanups::incrementAndGet);
			return Mono.just("ok");
		}), Duration.ofSeconds(5), () -> new TimeoutException("late"), (ex) -> ex);

		StepVerifier.create(mono).expectNext("ok").verifyComplete();
		kept[0].onEnd(late::incrementAndGet);

		assertThat(this.cleanups).hasValue(2);
		assertThat(late).hasValue(1);
	}

	private Mono<String> attempt(Mono<String> exchange, Duration deadline) {
		return new AttemptDeadline<String>((attempt) -> Mono.defer(() -> {
			attempt.start(REQUEST);
			attempt.onEnd(this.cleanups::incrementAndGet);
			return exchange;
		}), deadline, () -> {
			this.timeouts.incrementAndGet();
			return new TimeoutException("deadline");
		}, (ex) -> new IllegalStateException("mapped", ex));
	}

}
