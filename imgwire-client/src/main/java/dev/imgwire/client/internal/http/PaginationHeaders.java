package dev.imgwire.client.internal.http;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import dev.imgwire.client.model.Pagination;

/**
 * Reads the pagination headers of a list response. Servers have been seen sending
 * {@code ""}, {@code null} and {@code None} for "no page"; all of them, an absent header
 * and any other unreadable value mean the same. Parsing never fails: unreadable counts
 * fall back to what the request and the body imply.
 *
 * @author Imgwire
 */
public final class PaginationHeaders {

	public static final String TOTAL_COUNT = "X-Total-Count";

	public static final String PAGE = "X-Page";

	public static final String LIMIT = "X-Limit";

	public static final String PREV_PAGE = "X-Prev-Page";

	public static final String NEXT_PAGE = "X-Next-Page";

	private PaginationHeaders() {
	}

	/**
	 * Parse the headers.
	 * @param headers the response headers
	 * @param requestedPage the page that was asked for
	 * @param requestedLimit the limit that was asked for
	 * @param itemCount the number of items in the body
	 * @return the pagination
	 */
	public static Pagination parse(HttpHeaders headers, int requestedPage, int requestedLimit, int itemCount) {
		Long page = number(headers.getFirst(PAGE));
		Long limit = number(headers.getFirst(LIMIT));
		int effectivePage = (page != null && page >= 1 && page <= Integer.MAX_VALUE) ? page.intValue() : requestedPage;
		int effectiveLimit = (limit != null && limit >= 1 && limit <= Integer.MAX_VALUE) ? limit.intValue()
				: requestedLimit;
		Long total = number(headers.getFirst(TOTAL_COUNT));
		long effectiveTotal = (total != null && total >= 0) ? total
				: (long) (effectivePage - 1) * effectiveLimit + itemCount;
		return new Pagination(effectiveTotal, effectivePage, effectiveLimit, pageNumber(headers.getFirst(PREV_PAGE)),
				pageNumber(headers.getFirst(NEXT_PAGE)));
	}

	private static @Nullable Integer pageNumber(@Nullable String value) {
		Long number = number(value);
		return (number != null && number >= 1 && number <= Integer.MAX_VALUE) ? number.intValue() : null;
	}

	/**
	 * Read one header value as a number.
	 * @param value the raw value
	 * @return the number, or {@code null} for absent, {@code ""}, {@code null},
	 * {@code none} (any case) and anything non-numeric
	 */
	static @Nullable Long number(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		String lower = trimmed.toLowerCase(Locale.ROOT);
		if (lower.isEmpty() || lower.equals("null") || lower.equals("none")) {
			return null;
		}
		try {
			return Long.parseLong(trimmed);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
