package dev.imgwire.samplemvc.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.imgwire.client.model.Pagination;

/**
 * One page of the gallery.
 *
 * @param images the images on this page
 * @param page this page's number, from 1
 * @param pageCount how many pages there are, at least 1
 * @param totalCount how many images there are
 * @param prevPage the previous page's number, or {@code null} on the first
 * @param nextPage the next page's number, or {@code null} on the last
 * @author Imgwire
 */
public record GalleryPage(List<GalleryImage> images, int page, long pageCount, long totalCount,
		@Nullable Integer prevPage, @Nullable Integer nextPage) {

	static GalleryPage of(List<GalleryImage> images, Pagination pagination) {
		long pageCount = Math.max(1, (pagination.totalCount() + pagination.limit() - 1) / pagination.limit());
		return new GalleryPage(images, pagination.page(), pageCount, pagination.totalCount(), pagination.prevPage(),
				pagination.nextPage());
	}

	static GalleryPage empty() {
		return new GalleryPage(List.of(), 1, 1, 0, null, null);
	}

	/**
	 * Whether an image on this page is still being processed: the page then reloads
	 * itself after a moment, with no script.
	 * @return {@code true} when an image is neither READY nor QUARANTINE
	 */
	public boolean processing() {
		return this.images.stream().anyMatch((image) -> !image.status().isTerminal());
	}

}
