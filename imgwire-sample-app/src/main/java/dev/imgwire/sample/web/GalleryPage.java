package dev.imgwire.sample.web;

import java.util.List;

import dev.imgwire.client.cdn.ImgwireVariants;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.Pagination;

/**
 * One page of the gallery.
 *
 * @param items the images on this page
 * @param pagination where this page stands: {@code totalCount}, {@code page},
 * {@code limit}, {@code prevPage}, {@code nextPage}
 * @author Imgwire
 */
public record GalleryPage(List<ImageView> items, Pagination pagination) {

	static GalleryPage of(Page<Image> page, ImgwireVariants variants) {
		return new GalleryPage(page.items().stream().map((image) -> ImageView.of(image, variants)).toList(),
				page.pagination());
	}

}
