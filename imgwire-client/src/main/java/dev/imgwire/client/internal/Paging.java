package dev.imgwire.client.internal;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.Pagination;
import dev.imgwire.client.validation.RequestValidator;

/**
 * Walks the pages of a list operation on demand (see {@link DemandDrivenPages}),
 * following {@code X-Next-Page} and reusing {@code X-Limit}. The pagination headers of a
 * page say where the next one is before its body is read, so when the subscriber's demand
 * reaches beyond the page, the next one is requested while this one is read and emitted.
 *
 * @author Imgwire
 */
public final class Paging {

	private Paging() {
	}

	/**
	 * Fetches one page of a list operation.
	 *
	 * @param <T> the item type
	 */
	@FunctionalInterface
	public interface PageSource<T> {

		/**
		 * Fetch a page.
		 * @param page the page, from 1
		 * @param limit items per page
		 * @param headers receives the pagination the headers give, as soon as they are in
		 * and before the body is read (its total count is not reliable then)
		 * @return the page
		 */
		Mono<Page<T>> fetch(int page, int limit, Consumer<Pagination> headers);

	}

	/**
	 * Every page, one request per page demanded.
	 * @param <T> the item type
	 * @param limit items per page, validated at subscription
	 * @param source fetches the page for a page number and limit
	 * @return the pages
	 */
	public static <T> Flux<Page<T>> pages(int limit, PageSource<T> source) {
		return Flux.defer(() -> {
			RequestValidator.limit(limit);
			return DemandDrivenPages.<Cursor, Page<T>, Page<T>>flux(new Cursor(1, limit),
					(cursor, lookahead) -> source.fetch(cursor.page(), cursor.limit(),
							(pagination) -> lookahead.accept(cursor.next(pagination, limit), 1)),
					(page, cursor) -> cursor.next(page.pagination(), limit), List::of);
		});
	}

	/**
	 * Every item of every page, a page fetched only when the items so far cannot meet the
	 * demand.
	 * @param <T> the item type
	 * @param limit items per page, validated at subscription
	 * @param source fetches the page for a page number and limit
	 * @return the items
	 */
	public static <T> Flux<T> items(int limit, PageSource<T> source) {
		return Flux.defer(() -> {
			RequestValidator.limit(limit);
			return DemandDrivenPages.<Cursor, Page<T>, T>flux(new Cursor(1, limit),
					(cursor, lookahead) -> source.fetch(cursor.page(), cursor.limit(),
							(pagination) -> lookahead.accept(cursor.next(pagination, limit), pagination.limit())),
					(page, cursor) -> cursor.next(page.pagination(), limit), Page::items);
		});
	}

	/**
	 * Where the next page is.
	 */
	private record Cursor(int page, int limit) {

		@Nullable Cursor next(Pagination current, int requestedLimit) {
			Integer nextPage = current.nextPage();
			// A server that points back at the same page would loop forever.
			if (nextPage == null || nextPage <= this.page) {
				return null;
			}
			int nextLimit = current.limit();
			return new Cursor(nextPage,
					(nextLimit >= 1 && nextLimit <= RequestValidator.MAX_LIMIT) ? nextLimit : requestedLimit);
		}

	}

}
