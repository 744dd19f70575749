package dev.imgwire.client.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Walks a paginated collection strictly on demand: a page is fetched only when the
 * subscriber has asked for more elements than the pages fetched so far hold, and never
 * while another fetch is in flight. Reactor's flattening operators replenish one page
 * ahead of demand; this does not.
 *
 * @param <C> the cursor type, saying where a page is
 * @param <P> the page type
 * @param <E> the element type emitted
 * @author Imgwire
 */
public final class DemandDrivenPages<C, P, E> {

	private final FluxSink<E> sink;

	private final Function<C, Mono<P>> fetch;

	private final BiFunction<P, C, @Nullable C> nextCursor;

	private final Function<P, Iterable<E>> elements;

	private final Queue<E> buffered = new ConcurrentLinkedQueue<>();

	private final AtomicInteger wip = new AtomicInteger();

	private volatile @Nullable C next;

	private volatile boolean fetching;

	private volatile @Nullable Throwable error;

	private volatile @Nullable Disposable inFlight;

	private DemandDrivenPages(FluxSink<E> sink, C first, Function<C, Mono<P>> fetch,
			BiFunction<P, C, @Nullable C> nextCursor, Function<P, Iterable<E>> elements) {
		this.sink = sink;
		this.next = first;
		this.fetch = fetch;
		this.nextCursor = nextCursor;
		this.elements = elements;
	}

	/**
	 * Create the flux.
	 * @param <C> the cursor type
	 * @param <P> the page type
	 * @param <E> the element type
	 * @param first where the first page is
	 * @param fetch fetches one page
	 * @param nextCursor where the page after the given one is, or {@code null} at the end
	 * @param elements what to emit for a page
	 * @return the elements of all pages, in order
	 */
	public static <C, P, E> Flux<E> flux(C first, Function<C, Mono<P>> fetch, BiFunction<P, C, @Nullable C> nextCursor,
			Function<P, Iterable<E>> elements) {
		return Flux.create((sink) -> {
			DemandDrivenPages<C, P, E> pages = new DemandDrivenPages<>(sink, first, fetch, nextCursor, elements);
			sink.onRequest((requested) -> pages.drain());
			sink.onDispose(pages::dispose);
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	private void drain() {
		if (this.wip.getAndIncrement() != 0) {
			return;
		}
		int missed = 1;
		do {
			while (!this.sink.isCancelled()) {
				Throwable failure = this.error;
				if (failure != null) {
					this.buffered.clear();
					this.sink.error(failure);
					return;
				}
				if (!this.buffered.isEmpty()) {
					if (this.sink.requestedFromDownstream() > 0) {
						this.sink.next(this.buffered.poll());
						continue;
					}
					break;
				}
				if (this.fetching) {
					break;
				}
				C cursor = this.next;
				if (cursor == null) {
					this.sink.complete();
					return;
				}
				if (this.sink.requestedFromDownstream() > 0) {
					this.fetching = true;
					start(cursor);
				}
				break;
			}
			missed = this.wip.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private void start(C cursor) {
		Disposable request = this.fetch.apply(cursor).contextWrite(this.sink.contextView()).subscribe((page) -> {
			this.next = this.nextCursor.apply(page, cursor);
			this.elements.apply(page).forEach(this.buffered::add);
		}, (ex) -> {
			this.error = ex;
			this.fetching = false;
			drain();
		}, () -> {
			if (this.fetching && this.next == cursor) {
				// Completed without a page: nothing more to follow.
				this.next = null;
			}
			this.fetching = false;
			drain();
		});
		this.inFlight = request;
		// A cancel that arrived while subscribe() ran found no request to dispose.
		if (this.sink.isCancelled()) {
			request.dispose();
		}
	}

	private void dispose() {
		Disposable current = this.inFlight;
		if (current != null) {
			current.dispose();
		}
		this.buffered.clear();
	}

}
