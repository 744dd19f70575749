package dev.imgwire.samplemvc.web;

import org.jspecify.annotations.Nullable;

import dev.imgwire.client.cdn.ImgwireVariants;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;

/**
 * One image as the gallery shows it: a READY image as a thumbnail through the gallery's
 * variant, with a {@code srcset} for screens of higher density, linking to the original;
 * any other image as its status.
 *
 * @param id the image id
 * @param name the file name it was uploaded with
 * @param status the processing status
 * @param originalUrl the original, the image's {@code cdn_url}
 * @param src the thumbnail's URL, {@code null} unless READY
 * @param srcset the thumbnail's {@code srcset}, {@code null} unless READY
 * @author Imgwire
 */
public record GalleryImage(String id, String name, ImageStatus status, String originalUrl, @Nullable String src,
		@Nullable String srcset) {

	static GalleryImage of(Image image, ImgwireVariants variants, String variant) {
		boolean ready = image.status() == ImageStatus.READY;
		return new GalleryImage(image.id().toString(), image.originalFilename(), image.status(), image.cdnUrl(),
				ready ? variants.url(variant, image).toUriString() : null,
				ready ? variants.srcset(variant, image).value() : null);
	}

	public boolean ready() {
		return this.status == ImageStatus.READY;
	}

}
