package dev.imgwire.sample.web;

import java.time.OffsetDateTime;

import dev.imgwire.client.model.Image;

/**
 * The fields of an image the gallery shows.
 *
 * @param id image id
 * @param status processing status, for example {@code READY}
 * @param cdnUrl delivery URL
 * @param originalFilename file name given at upload
 * @param mimeType MIME type, for example {@code image/png}
 * @param width width in pixels
 * @param height height in pixels
 * @param sizeBytes size in bytes
 * @param createdAt creation time
 * @author Imgwire
 */
public record ImageView(String id, String status, String cdnUrl, String originalFilename, String mimeType, int width,
		int height, long sizeBytes, OffsetDateTime createdAt) {

	static ImageView of(Image image) {
		return new ImageView(image.id().toString(), image.status().name(), image.cdnUrl(), image.originalFilename(),
				image.mimeType().value(), image.width(), image.height(), image.sizeBytes(),
				image.createdAt());
	}

}
