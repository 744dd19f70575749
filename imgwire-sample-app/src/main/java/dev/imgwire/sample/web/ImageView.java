package dev.imgwire.sample.web;

import java.time.OffsetDateTime;

import dev.imgwire.client.cdn.ImgwireVariants;
import dev.imgwire.client.model.Image;

/**
 * The fields of an image the gallery shows.
 *
 * @param id image id
 * @param status processing status, for example {@code READY}
 * @param cdnUrl delivery URL of the original
 * @param thumbnailUrl delivery URL of the gallery's thumbnail variant
 * @param thumbnailSrcset {@code srcset} of the thumbnail, for screens of higher density
 * @param originalFilename file name given at upload
 * @param mimeType MIME type, for example {@code image/png}
 * @param width width in pixels
 * @param height height in pixels
 * @param sizeBytes size in bytes
 * @param createdAt creation time
 * @author Imgwire
 */
public record ImageView(String id, String status, String cdnUrl, String thumbnailUrl, String thumbnailSrcset,
		String originalFilename, String mimeType, int width, int height, long sizeBytes, OffsetDateTime createdAt) {

	/**
	 * The variant of {@code imgwire.variants} the gallery shows as thumbnails.
	 */
	static final String THUMBNAIL_VARIANT = "gallery-thumbnail";

	static ImageView of(Image image, ImgwireVariants variants) {
		return new ImageView(image.id().toString(), image.status().name(), image.cdnUrl(),
				variants.url(THUMBNAIL_VARIANT, image).toUriString(), variants.srcset(THUMBNAIL_VARIANT, image).value(),
				image.originalFilename(), image.mimeType().value(), image.width(), image.height(), image.sizeBytes(),
				image.createdAt());
	}

}
