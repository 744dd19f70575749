package dev.imgwire.samplemvc.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gallery shows images.
 *
 * @param pageSize images per page, 1 to 100
 * @param variant the {@code imgwire.variants.*} variant the thumbnails are shown through
 * @author Imgwire
 */
@ConfigurationProperties("sample.gallery")
public record GalleryProperties(@DefaultValue("12") int pageSize, @DefaultValue("thumbnail") String variant) {

	public GalleryProperties {
		if (pageSize < 1 || pageSize > 100) {
			throw new IllegalArgumentException("pageSize must be between 1 and 100, was " + pageSize);
		}
	}

}
