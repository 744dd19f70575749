package dev.imgwire.emulator.routes.http;

import java.util.List;
import java.util.function.Function;

import dev.imgwire.emulator.routes.wire.ValidationErrors;
import dev.imgwire.emulator.state.Page;

/**
 * Offset pagination by page number, shared by every list operation: {@code page} (at
 * least 1, default 1) and {@code limit} (1 to 100, default 20) come in as query
 * parameters, a bare JSON array goes out with {@code X-Total-Count}, {@code X-Page},
 * {@code X-Limit}, {@code X-Prev-Page} and {@code X-Next-Page}.
 * <p>
 * A missing previous or next page is sent as the literal {@code null}, as the real API
 * does; clients must treat it (like {@code ""} and {@code None}) as "no page".
 *
 * @param page the requested page, 1-based
 * @param limit the page size
 * @author imgwire
 */
public record Pagination(long page, long limit) {

	private static final String NO_PAGE = "null";

	/**
	 * Read and validate {@code page} and {@code limit}.
	 * @param exchange the request
	 * @return the pagination
	 * @throws dev.imgwire.emulator.routes.wire.ValidationException on bad values
	 */
	public static Pagination of(Exchange exchange) {
		ValidationErrors errors = new ValidationErrors();
		long page = QueryParams.integer(exchange, "page", 1, 1, Long.MAX_VALUE, errors);
		long limit = QueryParams.integer(exchange, "limit", 20, 1, 100, errors);
		errors.throwIfAny();
		return new Pagination(page, limit);
	}

	/**
	 * The number of items before this page, saturated so that an absurd page number gives
	 * an empty page instead of an overflow.
	 * @return the offset
	 */
	public long offset() {
		return (this.page - 1 > Long.MAX_VALUE / this.limit) ? Long.MAX_VALUE : (this.page - 1) * this.limit;
	}

	/**
	 * Render a page as the JSON array and its pagination headers.
	 * @param <T> the item type
	 * @param page the page of items, taken at {@link #offset()} with {@link #limit()}
	 * @param schema renders one item
	 * @return the reply
	 */
	public <T> HttpReply reply(Page<T> page, Function<T, Object> schema) {
		List<Object> items = page.items().stream().map(schema).toList();
		long offset = offset();
		boolean hasNext = offset < page.total() && offset + this.limit < page.total();
		return HttpReply.json(200, items)
			.header("X-Total-Count", Long.toString(page.total()))
			.header("X-Page", Long.toString(this.page))
			.header("X-Limit", Long.toString(this.limit))
			.header("X-Prev-Page", (this.page > 1) ? Long.toString(this.page - 1) : NO_PAGE)
			.header("X-Next-Page", hasNext ? Long.toString(this.page + 1) : NO_PAGE);
	}

}
