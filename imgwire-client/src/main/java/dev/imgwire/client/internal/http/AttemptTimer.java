package dev.imgwire.client.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * The clock of one attempt's {@link Deadline}: started when the request is created on a
 * connection, stopped when the attempt ends, {@linkplain #expired() expired} in between
 * if it runs out.
 * <p>
 * With Reactor Netty the timer runs on the connection's own event loop, where the
 * exchange's work happens anyway; scheduling and cancelling it there is a queue operation
 * on the same thread. On a shared scheduler each attempt would wake that scheduler's
 * thread, which at one call at a time costs more than the rest of the call. Other
 * connectors use Reactor's parallel scheduler.
 *
 * @author Imgwire
 */
final class AttemptTimer extends Mono<Void> implements Subscription, Runnable {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.Connection",
			AttemptTimer.class.getClassLoader());

	private static final Disposable STOPPED = () -> {
	};

	private final Duration duration;

	private volatile @Nullable CoreSubscriber<? super Void> subscriber;

	private volatile boolean expired;

	private volatile boolean cancelled;

	private final AtomicBoolean signalled = new AtomicBoolean();

	private final AtomicReference<@Nullable Disposable> task = new AtomicReference<>();

	AttemptTimer(Duration duration) {
		this.duration = duration;
	}

	/**
	 * Completes when the deadline has passed: this timer, as a publisher of that one
	 * signal, for one subscriber ({@code timeout}'s). Lighter than a sink per attempt.
	 * @return the signal
	 */
	Mono<Void> expired() {
		return this;
	}

	@Override
	public void subscribe(CoreSubscriber<? super Void> actual) {
		this.subscriber = actual;
		actual.onSubscribe(this);
		if (this.expired && !this.cancelled && this.signalled.compareAndSet(false, true)) {
			actual.onComplete();
		}
	}

	@Override
	public void request(long n) {
		// Only completion is ever signalled.
	}

	@Override
	public void cancel() {
		this.cancelled = true;
		stop();
	}

	/**
	 * Start the clock, once: a connector that retries on a fresh connection creates the
	 * request again, and the deadline still counts from the first.
	 * @param request the request just created on a connection
	 */
	void start(ClientHttpRequest request) {
		if (this.task.get() != null) {
			return;
		}
		Disposable scheduled = REACTOR_NETTY_PRESENT ? NettyTimer.schedule(request, this, this.duration) : null;
		if (scheduled == null) {
			scheduled = Schedulers.parallel().schedule(this, this.duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		if (!this.task.compareAndSet(null, scheduled)) {
			// Stopped meanwhile, or started by a concurrent call.
			scheduled.dispose();
		}
	}

	/**
	 * Stop the clock; it cannot be started again.
	 */
	void stop() {
		Disposable scheduled = this.task.getAndSet(STOPPED);
		if (scheduled != null) {
			scheduled.dispose();
		}
	}

	@Override
	public void run() {
		this.expired = true;
		CoreSubscriber<? super Void> actual = this.subscriber;
		if (actual != null && !this.cancelled && this.signalled.compareAndSet(false, true)) {
			actual.onComplete();
		}
	}

	/**
	 * Keeps the Reactor Netty types out of the outer class, so that it loads with other
	 * connectors.
	 */
	private static final class NettyTimer {

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
