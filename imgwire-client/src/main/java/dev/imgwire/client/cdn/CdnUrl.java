package dev.imgwire.client.cdn;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * An image's {@code cdn_url} reduced to what transformation URLs are built on: scheme,
 * authority and path, as given (still percent-encoded), without query or fragment.
 *
 * @param base {@code scheme://authority/path}
 * @author Imgwire
 */
record CdnUrl(String base) {

	static CdnUrl parse(String cdnUrl) {
		URI uri;
		try {
			uri = new URI(cdnUrl.trim());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("cdnUrl: " + Values.describe(cdnUrl) + " is not a valid URI ("
					+ ex.getReason() + "); must be an absolute http or https URL", ex);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.isOpaque() || uri.getRawAuthority() == null) {
			throw new IllegalArgumentException("cdnUrl: " + Values.describe(cdnUrl)
					+ " is not an absolute http or https URL; must be an image's cdn_url");
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		return new CdnUrl(scheme + "://" + uri.getRawAuthority() + path);
	}

	/**
	 * Check that a preset can be appended: the URL needs a last path segment, and must
	 * not name a preset already.
	 */
	void checkPresetApplies(Preset preset) {
		int pathStart = this.base.indexOf('/', this.base.indexOf("//") + 2);
		String lastSegment = this.base.substring(this.base.lastIndexOf('/') + 1);
		if (pathStart < 0 || lastSegment.isEmpty()) {
			throw new IllegalArgumentException("preset: the cdn_url " + this.base
					+ " has no last path segment to append @" + preset.value() + " to");
		}
		if (lastSegment.contains("@")) {
			throw new IllegalArgumentException("preset: the cdn_url " + this.base + " already names a preset");
		}
	}

	/**
	 * Render the URL: the preset as a path suffix, then the parameters, already sorted,
	 * form-encoded.
	 */
	String render(@Nullable Preset preset, Map<String, String> parameters) {
		StringBuilder url = new StringBuilder(this.base);
		if (preset != null) {
			url.append('@').append(preset.value());
		}
		if (!parameters.isEmpty()) {
			StringJoiner query = new StringJoiner("&", "?", "");
			parameters.forEach((name, value) -> query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(value, StandardCharsets.UTF_8)));
			url.append(query);
		}
		return url.toString();
	}

}
