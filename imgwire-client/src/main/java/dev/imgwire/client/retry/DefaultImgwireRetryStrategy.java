package dev.imgwire.client.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.client.observation.ImgwireClientObservationConvention;
import dev.imgwire.client.observation.ImgwireClientObserver;

/**
 * The default {@link ImgwireRetryStrategy}. Retries operations that are safe to repeat
 * after failures that may pass (see {@link ImgwireRetryReason}), with exponential
 * back-off and jitter, honouring {@code Retry-After} up to
 * {@link ImgwireRetryPolicy#maxDelay()}. When it gives up, the caller gets the last real
 * exception, never Reactor's {@code RetryExhaustedException}; the client sets its attempt
 * count. Each back-off wait is an {@code imgwire.client.retries} observation.
 *
 * @author Imgwire
 */
public final class DefaultImgwireRetryStrategy implements ImgwireRetryStrategy {

	private final ImgwireRetryPolicy policy;

	private final ImgwireClientObserver observer;

	/**
	 * Create a strategy whose retries are not observed.
	 * @param policy the policy
	 */
	public DefaultImgwireRetryStrategy(ImgwireRetryPolicy policy) {
		this(policy, ObservationRegistry.NOOP, null);
	}

	/**
	 * Create a strategy.
	 * @param policy the policy
	 * @param observationRegistry where retries are reported
	 * @param convention a custom convention, or {@code null} for the default one
	 */
	public DefaultImgwireRetryStrategy(ImgwireRetryPolicy policy, ObservationRegistry observationRegistry,
			@Nullable ImgwireClientObservationConvention convention) {
		this.policy = policy;
		this.observer = new ImgwireClientObserver(observationRegistry, convention);
	}

	@Override
	public <T> Mono<T> apply(ImgwireOperation operation, Mono<T> attempt) {
		if (!this.policy.enabled() || this.policy.maxRetries() == 0 || !operation.isRetryable()) {
			return attempt;
		}
		return retrying(operation, attempt, 0);
	}

	/**
	 * The back-off before a retry.
	 * @param retry zero-based index of the retry
	 * @param failure the failure being retried
	 * @return the delay
	 */
	Duration delay(long retry, Throwable failure) {
		Duration retryAfter = (failure instanceof ImgwireApiException apiException) ? apiException.getRetryAfter()
				: null;
		if (retryAfter != null) {
			// The server said when; jitter would only make us early or late.
			return (retryAfter.compareTo(this.policy.maxDelay()) > 0) ? this.policy.maxDelay() : retryAfter;
		}
		Duration backoff = this.policy.backoff(retry);
		long nanos = backoff.toNanos();
		long spread = (long) (nanos * this.policy.jitter() * ThreadLocalRandom.current().nextDouble());
		// Jitter only shortens the wait, so maxDelay stays a real upper bound.
		return Duration.ofNanos(nanos - spread);
	}

	/**
	 * The attempt, followed on a retryable failure by the back-off and the next attempt.
	 * Resuming on error rather than with {@code retryWhen} costs one operator per call
	 * instead of a companion sink and subscription, and calls rarely fail.
	 */
	private <T> Mono<T> retrying(ImgwireOperation operation, Mono<T> attempt, long retries) {
		return attempt.onErrorResume((failure) -> {
			Optional<ImgwireRetryReason> reason = ImgwireRetryReason.of(failure);
			if (reason.isEmpty() || retries >= this.policy.maxRetries()) {
				return Mono.error(failure);
			}
			Duration delay = delay(retries, failure);
			ImgwireClientObservationContext context = ImgwireClientObservationContext.forRetry(operation,
					reason.get().value(), delay, (int) Math.min(Integer.MAX_VALUE, retries + 1));
			return this.observer.observeRetry(context, failure, Mono.delay(delay))
				.then(Mono.defer(() -> retrying(operation, attempt, retries + 1)));
		});
	}

}
