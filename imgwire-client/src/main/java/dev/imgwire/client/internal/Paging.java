package dev.imgwire.client.internal;

import java.util.List;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.imgwire.client.model.Page;
import dev.imgwire.client.validation.RequestValidator;

/**
 * Walks the pages of a list operation strictly on demand (see
 * {@link DemandDrivenPages}), following {@code X-Next-Page} and reusing {@code X-Limit}.
 *
 * @author Imgwire
 */
public final class Paging {

	private Paging() {
	}

	/**
	 * Every page, one request per page demanded.
	 * @param <T> the item type
	 * @param limit items per page, validated at subscription
	 * @param list fetches the page for a page number and limit
	 * @return the pages
	 */
	public static <T> Flux<Page<T>> pages(int limit, BiFunction<Integer, Integer, Mono<Page<T>>> list) {
		return Flux.defer(() -> {
			RequestValidator.limit(limit);
			return DemandDrivenPages.<Cursor, Page<T>, Page<T>>flux(new Cursor(1, limit),
					(cursor) -> list.apply(cursor.page(), cursor.limit()), (page, cursor) -> cursor.next(page, limit),
					List::of);
		});
	}

	/**
	 * Every item of every page, a page fetched only when the items so far are consumed.
	 * @param <T> the item type
	 * @param limit items per page, validated at subscription
	 * @param list fetches the page for a page number and limit
	 * @return the items
	 */
	public static <T> Flux<T> items(int limit, BiFunction<Integer, Integer, Mono<Page<T>>> list) {
		return Flux.defer(() -> {
			RequestValidator.limit(limit);
			return DemandDrivenPages.<Cursor, Page<T>, T>flux(new Cursor(1, limit),
					(cursor) -> list.apply(cursor.page(), cursor.limit()), (page, cursor) -> cursor.next(page, limit),
					Page::items);
		});
	}

	/**
	 * Where the next page is.
	 */
	private record Cursor(int page, int limit) {

		@Nullable Cursor next(Page<?> current, int requestedLimit) {
			Integer nextPage = current.pagination().nextPage();
			// A server that points back at the same page would loop forever.
			if (nextPage == null || nextPage <= this.page) {
				return null;
			}
			int nextLimit = current.pagination().limit();
			return new Cursor(nextPage,
					(nextLimit >= 1 && nextLimit <= RequestValidator.MAX_LIMIT) ? nextLimit : requestedLimit);
		}

	}

}
