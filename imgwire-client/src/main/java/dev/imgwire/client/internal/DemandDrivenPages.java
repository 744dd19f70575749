package dev.imgwire.client.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * Walks a paginated collection on demand, fetching a page only when the subscriber has
 * asked for more elements than the pages fetched so far hold or can hold:
 * <ul>
 * <li>a page is requested only when there is unmet demand: a subscriber that asks for one
 * element causes exactly one page request;</li>
 * <li>while one page is being read or emitted, the next one is requested if, and only if,
 * the outstanding demand reaches beyond the elements that page holds (or, before its body
 * is read, can hold, as its headers say); the next page is then on its way while the
 * subscriber consumes this one;</li>
 * <li>never more than two pages are in flight: the one being read or emitted and the
 * next. A third is requested only once the first is fully emitted.</li>
 * </ul>
 * Elements come out in page order whatever order the pages arrive in, and a failure of
 * the next page surfaces after the current page's elements. Reactor's flattening
 * operators would instead replenish a fixed number of pages ahead of demand.
 *
 * @param <C> the cursor type, saying where a page is
 * @param <P> the page type
 * @param <E> the element type emitted
 * <p>
 * Longer than most classes: a hand-written demand loop (one page in flight, a second only
 * when demand reaches past the first), which Reactor's operators do not offer.
 * @author Imgwire
 */
public final class DemandDrivenPages<C, P, E> {

	/**
	 * Fetches one page.
	 *
	 * @param <C> the cursor type
	 * @param <P> the page type
	 */
	@FunctionalInterface
	public interface PageFetcher<C, P> {

		/**
		 * Fetch the page at a cursor.
		 * @param cursor where the page is
		 * @param lookahead told, once the page's headers are in and before its body is
		 * read, where the next page is and how many elements this page can hold; may be
		 * left untold
		 * @return the page; empty when there is none
		 */
		Mono<P> fetch(C cursor, Lookahead<C> lookahead);

	}

	/**
	 * What a page's headers say before its body is read.
	 *
	 * @param <C> the cursor type
	 */
	@FunctionalInterface
	public interface Lookahead<C> {

		/**
		 * Report a page's headers.
		 * @param next where the next page is, or {@code null} when there is none
		 * @param maxElements the most elements the page can hold
		 */
		void accept(@Nullable C next, long maxElements);

	}

	private static final int MAX_PAGES_IN_FLIGHT = 2;

	private final FluxSink<E> sink;

	private final PageFetcher<C, P> fetcher;

	private final BiFunction<P, C, @Nullable C> nextCursor;

	private final Function<P, Iterable<E>> elements;

	private final AtomicInteger wip = new AtomicInteger();

	/**
	 * Pages requested and not yet fully emitted, oldest first; touched only by drain().
	 */
	private final Deque<Slot<C, E>> slots = new ArrayDeque<>(MAX_PAGES_IN_FLIGHT);

	/** Where the next page is when no page is in flight; {@code null} at the end. */
	private @Nullable C next;

	/** Completed or failed; drain() only. */
	private boolean done;

	private DemandDrivenPages(FluxSink<E> sink, C first, PageFetcher<C, P> fetcher,
			BiFunction<P, C, @Nullable C> nextCursor, Function<P, Iterable<E>> elements) {
		this.sink = sink;
		this.next = first;
		this.fetcher = fetcher;
		this.nextCursor = nextCursor;
		this.elements = elements;
	}

	/**
	 * Create the flux.
	 * @param <C> the cursor type
	 * @param <P> the page type
	 * @param <E> the element type
	 * @param first where the first page is
	 * @param fetcher fetches one page
	 * @param nextCursor where the page after the given one is, or {@code null} at the end
	 * @param elements what to emit for a page
	 * @return the elements of all pages, in order
	 */
	public static <C, P, E> Flux<E> flux(C first, PageFetcher<C, P> fetcher, BiFunction<P, C, @Nullable C> nextCursor,
			Function<P, Iterable<E>> elements) {
		return Flux.create((sink) -> {
			DemandDrivenPages<C, P, E> pages = new DemandDrivenPages<>(sink, first, fetcher, nextCursor, elements);
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
			drainLoop();
			missed = this.wip.addAndGet(-missed);
		}
		while (missed != 0);
	}

	private void drainLoop() {
		for (;;) {
			if (this.sink.isCancelled()) {
				clear();
				return;
			}
			if (this.done) {
				return;
			}
			// Before emitting, so that the next page is on its way while this one's
			// elements go out, however early this page arrived.
			requestNextIfDemanded();
			Slot<C, E> head = this.slots.peekFirst();
			if (head == null) {
				C cursor = this.next;
				if (cursor == null) {
					this.done = true;
					this.sink.complete();
					return;
				}
				if (this.sink.requestedFromDownstream() == 0) {
					return;
				}
				start(cursor);
				continue;
			}
			Throwable failure = head.error;
			if (failure != null) {
				this.done = true;
				clear();
				this.sink.error(failure);
				return;
			}
			List<E> items = head.items;
			if (items != null && head.position < items.size()) {
				if (this.sink.requestedFromDownstream() == 0) {
					return;
				}
				E element = items.get(head.position);
				items.set(head.position++, null);
				this.sink.next(element);
				continue;
			}
			if (!head.completed) {
				return;
			}
			this.slots.pollFirst();
			if (this.slots.isEmpty()) {
				// Completed without a page: nothing more to follow.
				this.next = (items != null) ? head.finalNext : null;
			}
		}
	}

	/**
	 * Start the page after the last one in flight, if that one says where it is, fewer
	 * than two pages are in flight, and the demand reaches beyond what they hold.
	 */
	private void requestNextIfDemanded() {
		Slot<C, E> tail = this.slots.peekLast();
		if (tail == null || this.slots.size() >= MAX_PAGES_IN_FLIGHT || tail.followed || !tail.knowsNext()) {
			return;
		}
		C cursor = tail.nextCursor();
		if (cursor != null && this.sink.requestedFromDownstream() > elementsAhead()) {
			tail.followed = true;
			start(cursor);
		}
	}

	/**
	 * The elements the pages in flight have yet to emit, or can at most.
	 */
	private long elementsAhead() {
		long ahead = 0;
		for (Slot<C, E> slot : this.slots) {
			long elements = slot.elementsAhead();
			ahead = (elements > Long.MAX_VALUE - ahead) ? Long.MAX_VALUE : ahead + elements;
		}
		return ahead;
	}

	private void start(C cursor) {
		Slot<C, E> slot = new Slot<>();
		this.slots.addLast(slot);
		Disposable request = this.fetcher.fetch(cursor, (nextCursor, maxElements) -> {
			if (!slot.headersSeen) {
				slot.earlyNext = nextCursor;
				slot.maxElements = maxElements;
				slot.headersSeen = true;
				drain();
			}
		}).contextWrite(this.sink.contextView()).subscribe((page) -> {
			slot.finalNext = this.nextCursor.apply(page, cursor);
			slot.items = list(this.elements.apply(page));
		}, (ex) -> {
			slot.error = ex;
			drain();
		}, () -> {
			slot.completed = true;
			drain();
		});
		slot.request = request;
		// A cancel that arrived while subscribe() ran found no request to dispose.
		if (this.sink.isCancelled()) {
			request.dispose();
		}
	}

	private static <E> List<E> list(Iterable<E> elements) {
		List<E> copy = new ArrayList<>();
		elements.forEach(copy::add);
		return copy;
	}

	private void dispose() {
		// Cancelled, or terminated: drain() disposes what is still in flight.
		drain();
	}

	/** Called from drain() only. */
	private void clear() {
		for (Slot<C, E> slot : this.slots) {
			Disposable request = slot.request;
			if (request != null) {
				request.dispose();
			}
		}
		this.slots.clear();
	}

	/**
	 * One page on its way or being emitted.
	 */
	private static final class Slot<C, E> {

		volatile @Nullable Disposable request;

		volatile boolean headersSeen;

		volatile @Nullable C earlyNext;

		volatile long maxElements = Long.MAX_VALUE;

		volatile @Nullable List<E> items;

		volatile @Nullable C finalNext;

		volatile boolean completed;

		volatile @Nullable Throwable error;

		/** Elements already emitted; drain() only. */
		int position;

		/** Whether the next page was requested; drain() only. */
		boolean followed;

		boolean knowsNext() {
			return this.items != null || this.headersSeen;
		}

		@Nullable C nextCursor() {
			return (this.items != null) ? this.finalNext : this.earlyNext;
		}

		/**
		 * The elements this page has yet to emit: exactly once it is read, at most its
		 * capacity before.
		 */
		long elementsAhead() {
			List<E> items = this.items;
			return (items != null) ? items.size() - this.position : this.maxElements;
		}

	}

}
