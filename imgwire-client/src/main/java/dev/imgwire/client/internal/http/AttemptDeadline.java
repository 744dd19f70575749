package dev.imgwire.client.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.util.context.Context;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * One attempt of an exchange under its {@link Deadline}, in one operator: the clock
 * starts when the request is created on a connection ({@link Attempt#start}), and when it
 * runs out the exchange is cancelled and the attempt fails with the deadline's error;
 * every failure is mapped (see {@link TransportErrors}); whatever ends the attempt stops
 * the clock and runs the attempt's cleanup. Exactly one of the result, a failure and the
 * timeout reaches the subscriber.
 * <p>
 * With Reactor Netty the clock runs on the connection's own event loop, where the
 * exchange's work happens anyway; scheduling and cancelling it there is a queue operation
 * on the same thread. Other connectors use Reactor's parallel scheduler.
 * <p>
 * This does in one subscriber what {@code defer}, {@code timeout} with a trigger,
 * {@code onErrorMap} and {@code doFinally} did in four, for every call.
 *
 * @param <T> the result type
 * @author Imgwire
 */
final class AttemptDeadline<T> extends Mono<T> {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.Connection",
			AttemptDeadline.class.getClassLoader());

	private final Function<Attempt<T>, Mono<T>> exchange;

	private final Duration duration;

	private final Supplier<? extends Throwable> timeout;

	private final Function<Throwable, ? extends Throwable> errors;

	/**
	 * Create the attempt.
	 * @param exchange the exchange, given the attempt so that it can start the clock and
	 * register its cleanup
	 * @param duration how long the attempt may take once its request is created
	 * @param timeout the error when it takes longer
	 * @param errors maps the exchange's failures
	 */
	AttemptDeadline(Function<Attempt<T>, Mono<T>> exchange, Duration duration, Supplier<? extends Throwable> timeout,
			Function<Throwable, ? extends Throwable> errors) {
		this.exchange = exchange;
		this.duration = duration;
		this.timeout = timeout;
		this.errors = errors;
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		Attempt<T> attempt = new Attempt<>(actual, this);
		Mono<T> source;
		try {
			source = this.exchange.apply(attempt);
		}
		catch (Throwable ex) {
			Operators.error(actual, this.errors.apply(Operators.onOperatorError(ex, actual.currentContext())));
			return;
		}
		source.subscribe(attempt);
	}

	/**
	 * The subscriber of one attempt, which is also its clock.
	 *
	 * @param <T> the result type
	 */
	static final class Attempt<T> implements CoreSubscriber<T>, Subscription, Runnable {

		private static final Disposable STOPPED = () -> {
		};

		private static final Runnable DONE = () -> {
		};

		private final CoreSubscriber<? super T> actual;

		private final AttemptDeadline<T> parent;

		private final AtomicBoolean terminated = new AtomicBoolean();

		private final AtomicReference<@Nullable Disposable> clock = new AtomicReference<>();

		private final AtomicReference<@Nullable Runnable> cleanup = new AtomicReference<>();

		private volatile @Nullable Subscription upstream;

		Attempt(CoreSubscriber<? super T> actual, AttemptDeadline<T> parent) {
			this.actual = actual;
			this.parent = parent;
		}

		/**
		 * Start the clock, once: a connector that retries on a fresh connection creates
		 * the request again, and the deadline still counts from the first.
		 * @param request the request just created on a connection
		 */
		void start(ClientHttpRequest request) {
			if (this.clock.get() != null) {
				return;
			}
			Duration duration = this.parent.duration;
			Disposable scheduled = REACTOR_NETTY_PRESENT ? NettyClock.schedule(request, this, duration) : null;
			if (scheduled == null) {
				scheduled = Schedulers.parallel().schedule(this, duration.toNanos(), TimeUnit.NANOSECONDS);
			}
			if (!this.clock.compareAndSet(null, scheduled)) {
				// Stopped meanwhile, or started by a concurrent call.
				scheduled.dispose();
			}
		}

		/**
		 * Run something when the attempt ends, however it ends; at once if it has ended.
		 * @param task the cleanup
		 */
		void onEnd(Runnable task) {
			for (;;) {
				Runnable current = this.cleanup.get();
				if (current == DONE) {
					task.run();
					return;
				}
				Runnable combined = (current != null) ? () -> {
					current.run();
					task.run();
				} : task;
				if (this.cleanup.compareAndSet(current, combined)) {
					return;
				}
			}
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(T value) {
			if (!this.terminated.compareAndSet(false, true)) {
				Operators.onNextDropped(value, currentContext());
				return;
			}
			end();
			this.actual.onNext(value);
			this.actual.onComplete();
		}

		@Override
		public void onError(Throwable failure) {
			if (!this.terminated.compareAndSet(false, true)) {
				Operators.onErrorDropped(failure, currentContext());
				return;
			}
			end();
			this.actual.onError(this.parent.errors.apply(failure));
		}

		@Override
		public void onComplete() {
			if (this.terminated.compareAndSet(false, true)) {
				end();
				this.actual.onComplete();
			}
		}

		/**
		 * The clock ran out.
		 */
		@Override
		public void run() {
			if (!this.terminated.compareAndSet(false, true)) {
				return;
			}
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.cancel();
			}
			end();
			this.actual.onError(this.parent.errors.apply(this.parent.timeout.get()));
		}

		@Override
		public void request(long n) {
			Subscription subscription = this.upstream;
			if (subscription != null) {
				subscription.request(n);
			}
		}

		@Override
		public void cancel() {
			if (this.terminated.compareAndSet(false, true)) {
				Subscription subscription = this.upstream;
				if (subscription != null) {
					subscription.cancel();
				}
				end();
			}
		}

		private void end() {
			Disposable scheduled = this.clock.getAndSet(STOPPED);
			if (scheduled != null) {
				scheduled.dispose();
			}
			Runnable task = this.cleanup.getAndSet(DONE);
			if (task != null) {
				task.run();
			}
		}

	}

	/**
	 * Keeps the Reactor Netty types out of the outer class, so that it loads with other
	 * connectors.
	 */
	private static final class NettyClock {

		static @Nullable Disposable schedule(ClientHttpRequest request, Runnable task, Duration duration) {
			if (request.getNativeRequest() instanceof Connection connection) {
				ScheduledFuture<?> future = connection.channel()
					.eventLoop()
					.schedule(task, duration.toNanos(), TimeUnit.NANOSECONDS);
				return () -> future.cancel(false);
			}
			return null;
		}

	}

}
