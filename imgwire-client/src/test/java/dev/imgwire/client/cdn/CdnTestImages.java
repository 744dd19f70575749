package dev.imgwire.client.cdn;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.SupportedMimeType;

/**
 * Images as the API returns them, for the URL builder's tests.
 */
final class CdnTestImages {

	static final String CDN_URL = "https://cdn.imgwire.dev/org/env/cat";

	private CdnTestImages() {
	}

	static Image image(int width, int height) {
		return image(CDN_URL, width, height);
	}

	static Image image(String cdnUrl, int width, int height) {
		OffsetDateTime created = OffsetDateTime.parse("2026-05-01T12:00:00Z");
		return new Image(UUID.fromString("00000000-0000-0000-0000-00000000ca75"), null, null, "cat.png", null,
				ImageStatus.READY, cdnUrl, SupportedMimeType.PNG, false, true, null, null, "png", width, height,
				123_456L, Map.of(), Map.of(), created, created, null, null);
	}

}
