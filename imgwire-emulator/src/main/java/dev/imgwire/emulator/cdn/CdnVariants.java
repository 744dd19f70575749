package dev.imgwire.emulator.cdn;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Transformed variants of stored images: from the cache, or transformed on two threads of
 * their own, never on the event loop. Two threads bound both the CPU and the memory that
 * transformations take at once; more requests queue.
 *
 * @author imgwire
 */
public final class CdnVariants implements AutoCloseable {

	/** Default bound on the cache: 64 MiB. */
	public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;

	/** Largest original the emulator decodes, and largest output it encodes: 50 MP. */
	public static final long MAX_PIXELS = 50_000_000L;

	private static final int THREADS = 2;

	private final VariantCache cache;

	private final ImageTransformer transformer;

	private final ExecutorService executor;

	private final Scheduler scheduler;

	/**
	 * Create the variants of one emulator.
	 * @param maxCacheBytes the bound on cached bytes; zero caches nothing
	 */
	public CdnVariants(long maxCacheBytes) {
		this.cache = new VariantCache(maxCacheBytes);
		this.transformer = new ImageTransformer(MAX_PIXELS);
		this.executor = Executors.newFixedThreadPool(THREADS, new DaemonThreads());
		this.scheduler = Schedulers.fromExecutorService(this.executor, "imgwire-emulator-cdn");
	}

	/**
	 * The variant a plan describes.
	 * @param image the image id
	 * @param original the original's file
	 * @param plan the plan; {@link TransformationPlan#transforms()} is true
	 * @param live whether an image is still delivered, to drop the variants of deleted
	 * images from the cache
	 * @return the variant, or why the original has to be served; an
	 * {@link InvalidTransformationException} signal when the image is too large to
	 * transform, an {@link java.io.UncheckedIOException} when the original is gone
	 */
	public Mono<Outcome> variant(UUID image, Path original, TransformationPlan plan, Predicate<UUID> live) {
		return Mono.defer(() -> {
			Variant cached = this.cache.get(image, plan.variantKey());
			if (cached != null) {
				return Mono.just(new Served(cached, true));
			}
			return Mono.fromCallable(() -> transform(image, original, plan, live)).subscribeOn(this.scheduler);
		});
	}

	private Outcome transform(UUID image, Path original, TransformationPlan plan, Predicate<UUID> live) {
		ImageTransformer.Result result = this.transformer.transform(original, plan);
		if (result instanceof ImageTransformer.Encoded encoded) {
			Variant variant = Variant.of(encoded.bytes(), encoded.mimeType());
			this.cache.put(image, plan.variantKey(), variant, live);
			return new Served(variant, false);
		}
		return new Untransformed(((ImageTransformer.Untransformed) result).reason());
	}

	public CdnCacheStatistics statistics() {
		return this.cache.statistics();
	}

	/**
	 * Forget every variant and zero the counters.
	 */
	public void clear() {
		this.cache.clear();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
		this.scheduler.dispose();
	}

	/**
	 * What {@link #variant} found.
	 */
	public sealed interface Outcome permits Served, Untransformed {

	}

	/**
	 * A transformed variant.
	 *
	 * @param variant the variant
	 * @param cacheHit whether it came from the cache
	 */
	public record Served(Variant variant, boolean cacheHit) implements Outcome {

	}

	/**
	 * The original has to be served as it is.
	 *
	 * @param reason why, in a few ASCII words
	 */
	public record Untransformed(String reason) implements Outcome {

	}

	private static final class DaemonThreads implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "imgwire-emulator-cdn-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
