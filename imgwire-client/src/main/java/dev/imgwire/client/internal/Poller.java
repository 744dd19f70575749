package dev.imgwire.client.internal;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import dev.imgwire.client.error.ImgwireProcessingException;
import dev.imgwire.client.validation.RequestValidator;

/**
 * Polls a resource until its status is terminal, for {@code awaitReady} and
 * {@code awaitDownloadJob}.
 *
 * @author Imgwire
 */
public final class Poller {

	private final Duration pollInterval;

	/**
	 * Create a poller.
	 * @param pollInterval the wait between two polls
	 */
	public Poller(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	/**
	 * Validate, then poll until the status is terminal: the value when it is the wanted
	 * one, an {@link ImgwireProcessingException} for any other terminal status or when
	 * the timeout passes first.
	 * @param <T> the resource type
	 * @param <S> the status type
	 * @param what what is awaited, for messages
	 * @param id validates the id
	 * @param timeout validated, then the bound of the whole wait
	 * @param fetch fetches the value for an id
	 * @param status the status of a value
	 * @param terminal whether a status is terminal
	 * @param ready the wanted terminal status
	 * @param explanation what a message adds after another terminal status
	 * @return the value once ready
	 */
	public <T, S extends Enum<S>> Mono<T> await(String what, Supplier<UUID> id, Duration timeout,
			Function<String, Mono<T>> fetch, Function<T, S> status, Predicate<S> terminal, S ready,
			Function<T, String> explanation) {
		return Mono.defer(() -> {
			String validId = id.get().toString();
			RequestValidator.timeout("timeout", timeout);
			AtomicReference<String> lastStatus = new AtomicReference<>("none (no answer yet)");
			return Mono.defer(() -> fetch.apply(validId))
				.doOnNext((value) -> lastStatus.set(status.apply(value).name()))
				.filter((value) -> terminal.test(status.apply(value)))
				.repeatWhenEmpty((emptyPolls) -> emptyPolls.concatMap((poll) -> Mono.delay(this.pollInterval)))
				.timeout(timeout,
						Mono.error(() -> new ImgwireProcessingException(what + " " + validId + " was not " + ready
								+ " within " + timeout + "; last status: " + lastStatus.get(), validId,
								lastStatus.get())))
				.flatMap((value) -> {
					S reached = status.apply(value);
					return (reached == ready) ? Mono.just(value)
							: Mono.error(new ImgwireProcessingException(what + " " + validId + " ended in status "
									+ reached + " instead of " + ready + explanation.apply(value), validId,
									reached.name()));
				});
		});
	}

}
