package dev.imgwire.client.retry;

import reactor.core.publisher.Mono;

import dev.imgwire.client.ImgwireOperation;

/**
 * The single place where retries plug in. Every request the client makes passes through
 * {@link #apply} exactly once, and the given publisher sends the whole request again on
 * each subscription, so an implementation may resubscribe to retry.
 * <p>
 * An implementation should retry only operations whose
 * {@link ImgwireOperation#isRetryable()} is {@code true}, and should let the last real
 * exception reach the caller when it gives up.
 *
 * @author Imgwire
 * @see DefaultImgwireRetryStrategy
 */
public interface ImgwireRetryStrategy {

	/**
	 * A strategy that never retries.
	 */
	ImgwireRetryStrategy NONE = new ImgwireRetryStrategy() {

		@Override
		public <T> Mono<T> apply(ImgwireOperation operation, Mono<T> attempt) {
			return attempt;
		}

	};

	/**
	 * Decorate one request with retries.
	 * @param <T> the response type
	 * @param operation the operation the request performs
	 * @param attempt the request; each subscription sends it again
	 * @return the request with retries applied
	 */
	<T> Mono<T> apply(ImgwireOperation operation, Mono<T> attempt);

}
