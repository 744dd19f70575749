package dev.imgwire.sample.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code Content-Security-Policy} of every answer: exactly what the pages need and
 * nothing else.
 *
 * <ul>
 * <li>scripts and style sheets from this app only, never inline, never {@code eval};</li>
 * <li>images from this app and the Imgwire CDN;</li>
 * <li>requests ({@code fetch}, XHR) to this app, the Imgwire API (creating the upload,
 * polling the image) and where the presigned {@code upload_url} points;</li>
 * <li>forms post to this app only; no page may frame this one; no {@code <base>};</li>
 * <li>anything else (fonts, frames, objects, media, workers, manifests) refused.</li>
 * </ul>
 *
 * @author Imgwire
 */
public final class ContentSecurityPolicy {

	private final String directives;

	private ContentSecurityPolicy(String directives) {
		this.directives = directives;
	}

	/**
	 * The policy for pages that use the given Imgwire origins.
	 * @param apiBaseUrl the base URL the browser sends Imgwire API requests to
	 * @param cdnOrigins the origins of the images' {@code cdn_url}s
	 * @param uploadOrigins the origins of presigned upload URLs besides the API's
	 * @return the policy
	 * @throws IllegalArgumentException when a value is not an {@code http} or
	 * {@code https} origin
	 */
	public static ContentSecurityPolicy of(String apiBaseUrl, Collection<String> cdnOrigins,
			Collection<String> uploadOrigins) {
		String api = origin(apiBaseUrl, "Imgwire API base URL");
		List<String> images = origins(cdnOrigins, "sample.security.csp.cdn-origins");
		List<String> connections = new ArrayList<>();
		connections.add(api);
		connections.addAll(origins(uploadOrigins, "sample.security.csp.upload-origins"));
		return new ContentSecurityPolicy(String.join("; ", "default-src 'none'", "script-src 'self'",
				"style-src 'self'", sources("img-src", images), sources("connect-src", connections),
				"form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"));
	}

	/**
	 * The header value.
	 * @return the directives, separated by {@code ;}
	 */
	public String directives() {
		return this.directives;
	}

	@Override
	public String toString() {
		return this.directives;
	}

	private static String sources(String directive, Collection<String> origins) {
		Set<String> sources = new LinkedHashSet<>();
		sources.add("'self'");
		sources.addAll(origins);
		return directive + " " + String.join(" ", sources);
	}

	private static List<String> origins(Collection<String> values, String setting) {
		return values.stream().filter((value) -> !value.isBlank()).map((value) -> origin(value, setting)).toList();
	}

	/**
	 * The origin ({@code scheme://host[:port]}) of a URL, refusing anything that is not a
	 * plain {@code http} or {@code https} origin, optionally with a path: whatever ends
	 * up in the header must not be able to widen it.
	 * @param url the URL
	 * @param setting what the URL is, for the error message
	 * @return the origin, in lower case
	 */
	static String origin(String url, String setting) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(setting + " must be an http or https origin, not '" + url + "'", ex);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || uri.getRawUserInfo() != null
				|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException(
					setting + " must be an http or https origin such as https://cdn.example.com, not '" + url + "'");
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		return scheme + "://" + host + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

}
