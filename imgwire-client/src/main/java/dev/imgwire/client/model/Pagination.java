package dev.imgwire.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Pagination of a list response, read from the {@code X-Total-Count}, {@code X-Page},
 * {@code X-Limit}, {@code X-Prev-Page} and {@code X-Next-Page} headers.
 *
 * @param totalCount number of items across all pages
 * @param page this page's number, from 1
 * @param limit maximum items per page
 * @param prevPage previous page number, or {@code null} on the first page
 * @param nextPage next page number, or {@code null} on the last page
 * @author Imgwire
 */
public record Pagination(long totalCount, int page, int limit, @Nullable Integer prevPage, @Nullable Integer nextPage) {

	/**
	 * Whether another page follows.
	 * @return {@code true} when {@link #nextPage()} is set
	 */
	public boolean hasNext() {
		return this.nextPage != null;
	}

}
