package dev.imgwire.client;

import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

import dev.imgwire.client.internal.http.Deadline;

/**
 * A {@link Flux} as a lazy, closeable {@link Stream}: nothing is subscribed until the
 * first element is asked for, and exactly one element is requested each time the caller
 * asks for one and none is waiting, so a paginated flux fetches a page only when the
 * caller reaches it and nothing is in flight between two elements. Each wait lasts at
 * most the block timeout; when it passes, the subscription is cancelled. Closing the
 * stream cancels the subscription, and wakes a caller waiting on another thread with a
 * {@link CancellationException}. A stream abandoned without being closed is cancelled
 * once it becomes unreachable.
 * <p>
 * Reactor's {@code toStream()} is not used: it subscribes and requests at once, and waits
 * without a bound.
 *
 * @param <T> the element type
 * @author Imgwire
 */
final class BlockingStream<T> implements Iterator<T> {

	private static final Cleaner CLEANER = Cleaner.create();

	private static final Object COMPLETE = new Object();

	private static final Object CANCELLED = new Object();

	private final Flux<T> source;

	private final Signals signals = new Signals();

	private final Blocking blocking;

	private final ImgwireOperation operation;

	private boolean subscribed;

	private boolean done;

	private @Nullable T next;

	private BlockingStream(Flux<T> source, Blocking blocking, ImgwireOperation operation) {
		this.source = source;
		this.blocking = blocking;
		this.operation = operation;
	}

	static <T> Stream<T> of(Flux<T> source, Blocking blocking, ImgwireOperation operation) {
		BlockingStream<T> iterator = new BlockingStream<>(source, blocking, operation);
		// The action holds the subscriber only, never the iterator, which would keep it
		// reachable.
		Cleaner.Cleanable cancel = CLEANER.register(iterator, iterator.signals::cancel);
		return StreamSupport
			.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false)
			.onClose(cancel::clean);
	}

	@Override
	public boolean hasNext() {
		if (this.next != null) {
			return true;
		}
		if (this.done) {
			return false;
		}
		Blocking.requireBlockingAllowed(this.operation);
		if (!this.subscribed) {
			this.subscribed = true;
			this.source.subscribe(this.signals);
		}
		if (this.signals.queue.isEmpty()) {
			this.signals.request(1);
		}
		Object signal = take();
		if (signal == COMPLETE) {
			this.done = true;
			return false;
		}
		if (signal == CANCELLED) {
			this.done = true;
			throw new CancellationException("The stream of " + this.operation.observationName() + " was closed");
		}
		if (signal instanceof Failure failure) {
			this.done = true;
			throw Blocking.failure(this.operation, failure.error());
		}
		@SuppressWarnings("unchecked")
		T element = (T) signal;
		this.next = element;
		return true;
	}

	@Override
	public T next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		T element = Objects.requireNonNull(this.next);
		this.next = null;
		return element;
	}

	private Object take() {
		Duration timeout = this.blocking.blockTimeout();
		try {
			Object signal = this.signals.queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
			if (signal == null) {
				this.done = true;
				this.signals.cancel();
				throw Blocking.timedOut(this.operation, "the block timeout of " + Deadline.format(timeout),
						new TimeoutException("No element within " + timeout));
			}
			return signal;
		}
		catch (InterruptedException ex) {
			this.done = true;
			this.signals.cancel();
			Thread.currentThread().interrupt();
			throw Blocking.interrupted(this.operation, ex);
		}
	}

	/**
	 * Receives the signals; requests only when asked to.
	 */
	private static final class Signals extends BaseSubscriber<Object> {

		private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			// Nothing until the caller asks for an element.
		}

		@Override
		protected void hookOnNext(Object value) {
			this.queue.add(value);
		}

		@Override
		protected void hookOnComplete() {
			this.queue.add(COMPLETE);
		}

		@Override
		protected void hookOnError(Throwable throwable) {
			this.queue.add(new Failure(throwable));
		}

		@Override
		protected void hookOnCancel() {
			this.queue.add(CANCELLED);
		}

	}

	private record Failure(Throwable error) {

	}

}
