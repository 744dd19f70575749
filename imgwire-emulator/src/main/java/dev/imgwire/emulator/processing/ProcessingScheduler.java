package dev.imgwire.emulator.processing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs processing off the event loop, after the configured processing delay.
 * <p>
 * With no delay the work finishes before the returned {@link Mono} completes, so the
 * response that triggered it goes out after the new state is visible: a client that polls
 * right after an upload sees READY on its first read, no sleeping needed.
 *
 * @author imgwire
 */
public final class ProcessingScheduler implements AutoCloseable {

	private static final System.Logger logger = System.getLogger(ProcessingScheduler.class.getName());

	private final Duration delay;

	private final ScheduledExecutorService executor;

	private final Scheduler scheduler;

	public ProcessingScheduler(Duration delay) {
		this.delay = delay;
		this.executor = Executors.newScheduledThreadPool(2, new DaemonThreads());
		this.scheduler = Schedulers.fromExecutorService(this.executor, "imgwire-emulator-processing");
	}

	/**
	 * Scheduler for blocking file work that must not run on the event loop.
	 * @return the scheduler
	 */
	public Scheduler blocking() {
		return this.scheduler;
	}

	public Mono<Void> afterDelay(Runnable work) {
		Runnable logged = () -> runLogged(work);
		if (this.delay.isZero()) {
			return Mono.fromRunnable(logged).subscribeOn(this.scheduler).then();
		}
		try {
			this.executor.schedule(logged, this.delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// Closing: the work's outcome would never be observed.
		}
		return Mono.empty();
	}

	private static void runLogged(Runnable work) {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			logger.log(System.Logger.Level.WARNING, "Emulator processing failed", ex);
		}
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		this.scheduler.dispose();
	}

	private static final class DaemonThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "imgwire-emulator-processing-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
