package dev.imgwire.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.internal.http.Deadline;
import dev.imgwire.client.observation.ImgwireClientObserver;

/**
 * The one way {@link ImgwireTemplate} waits for the reactive client: refuse a thread that
 * must not block before anything is assembled or sent, make the caller's current
 * observation the parent of the call's, wait no longer than the limit (cancelling the
 * call when it passes), and throw what the call failed with, unwrapped.
 *
 * @author Imgwire
 */
final class Blocking {

	private final Duration blockTimeout;

	private final ObservationRegistry observationRegistry;

	Blocking(Duration blockTimeout, ObservationRegistry observationRegistry) {
		this.blockTimeout = blockTimeout;
		this.observationRegistry = observationRegistry;
	}

	Duration blockTimeout() {
		return this.blockTimeout;
	}

	/**
	 * Wait for a call, at most the block timeout.
	 * @param <T> the result type
	 * @param operation the operation, for messages
	 * @param call assembles the call
	 * @return its result
	 */
	<T> T await(ImgwireOperation operation, Supplier<Mono<T>> call) {
		return await(operation, call, this.blockTimeout, "the block timeout of " + Deadline.format(this.blockTimeout));
	}

	/**
	 * Wait for a call that has a timeout of its own: at most that timeout plus the block
	 * timeout, so that the call's own deadline is the one that reports.
	 * @param <T> the result type
	 * @param operation the operation, for messages
	 * @param ownTimeout the call's own timeout, which the call validates
	 * @param call assembles the call
	 * @return its result
	 */
	<T> T await(ImgwireOperation operation, Duration ownTimeout, Supplier<Mono<T>> call) {
		if (ownTimeout == null || ownTimeout.isNegative() || ownTimeout.isZero()) {
			// The call rejects it before anything is sent.
			return await(operation, call);
		}
		return await(operation, call, ownTimeout.plus(this.blockTimeout), "the call's timeout of "
				+ Deadline.format(ownTimeout) + " plus the block timeout of " + Deadline.format(this.blockTimeout));
	}

	/**
	 * A lazy stream of a call's elements, each waited for at most the block timeout.
	 * @param <T> the element type
	 * @param operation the operation, for messages
	 * @param call assembles the call
	 * @return the stream, to be closed
	 */
	<T> Stream<T> stream(ImgwireOperation operation, Supplier<Flux<T>> call) {
		requireBlockingAllowed(operation);
		Flux<T> flux = Flux.defer(call).contextWrite((context) -> {
			Observation parent = currentObservation();
			return (parent != null && !context.hasKey(ImgwireClientObserver.OBSERVATION_KEY))
					? context.put(ImgwireClientObserver.OBSERVATION_KEY, parent) : context;
		});
		return BlockingStream.of(flux, this, operation);
	}

	private <T> T await(ImgwireOperation operation, Supplier<Mono<T>> call, Duration limit, String deadline) {
		requireBlockingAllowed(operation);
		Mono<T> mono = Objects.requireNonNull(call.get(), "call");
		Observation parent = currentObservation();
		if (parent != null) {
			mono = mono.contextWrite((context) -> context.hasKey(ImgwireClientObserver.OBSERVATION_KEY) ? context
					: context.put(ImgwireClientObserver.OBSERVATION_KEY, parent));
		}
		CompletableFuture<T> future = mono.toFuture();
		try {
			return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw failure(operation, Objects.requireNonNullElse(ex.getCause(), ex));
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw timedOut(operation, deadline, ex);
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw interrupted(operation, ex);
		}
	}

	private @Nullable Observation currentObservation() {
		Observation current = this.observationRegistry.getCurrentObservation();
		return (current != null && !current.isNoop()) ? current : null;
	}

	/**
	 * Refuse to block a thread that must not block, such as a Netty event loop or a
	 * thread of {@link Schedulers#parallel()}.
	 * @param operation the operation, for the message
	 * @throws IllegalStateException on such a thread
	 */
	static void requireBlockingAllowed(ImgwireOperation operation) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException(
					"ImgwireTemplate blocks, and thread " + Thread.currentThread().getName() + " must not block: call "
							+ operation.observationName() + " through the reactive ImgwireClient there instead");
		}
	}

	/**
	 * What a caller receives for a failure of the call: the exception itself when it is
	 * unchecked, with the waiting caller's stack added as a suppressed exception.
	 * @param operation the operation
	 * @param failure what the call failed with
	 * @return the exception to throw
	 */
	static RuntimeException failure(ImgwireOperation operation, Throwable failure) {
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure instanceof RuntimeException unchecked) {
			unchecked
				.addSuppressed(new Exception("ImgwireTemplate waited for " + operation.observationName() + " here"));
			return unchecked;
		}
		return new ImgwireException(operation.observationName() + " failed: " + failure, failure);
	}

	static ImgwireTimeoutException timedOut(ImgwireOperation operation, String deadline, TimeoutException cause) {
		// An upload has no request of its own; it starts with the create request.
		ImgwireOperation request = (operation.method() != null) ? operation : ImgwireOperation.CREATE;
		return new ImgwireTimeoutException(Objects.requireNonNull(request.method()).name(),
				Objects.requireNonNull(request.pathTemplate()), operation.observationName() + " did not finish within "
						+ deadline + " (ImgwireTemplate blockTimeout, imgwire.block-timeout); it was cancelled",
				cause);
	}

	static ImgwireException interrupted(ImgwireOperation operation, InterruptedException cause) {
		return new ImgwireException(
				"Interrupted while waiting for " + operation.observationName() + "; it was cancelled", cause);
	}

}
