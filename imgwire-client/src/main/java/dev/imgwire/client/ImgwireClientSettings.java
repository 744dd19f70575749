package dev.imgwire.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where the client connects and with which keys.
 *
 * @param baseUrl API base URL, for example {@code https://api.imgwire.dev}
 * @param serverKey Server Key, sent as a bearer token
 * @param clientKey optional Client Key, used only where an operation is made with an
 * upload token
 * @param environmentId optional environment id, sent as {@code X-Environment-Id}
 * @author Imgwire
 */
public record ImgwireClientSettings(String baseUrl, String serverKey, @Nullable String clientKey,
		@Nullable String environmentId) {

	/**
	 * The production API.
	 */
	public static final String DEFAULT_BASE_URL = "https://api.imgwire.dev";

	public ImgwireClientSettings {
		if (baseUrl == null || baseUrl.isBlank()) {
			baseUrl = DEFAULT_BASE_URL;
		}
		baseUrl = baseUrl.strip();
		while (baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
		URI uri;
		try {
			uri = new URI(baseUrl);
		}
		catch (URISyntaxException ex) {
			// Without the URL, which may hold a credential.
			throw new IllegalArgumentException("base-url: must be a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
			throw new IllegalArgumentException("base-url: must be an absolute http(s) URL with a host");
		}
		String unsafe = unsafePart(uri);
		if (unsafe != null) {
			throw new IllegalArgumentException("base-url: must not contain " + unsafe);
		}
		// Schemes are case-insensitive; the HTTP stack below expects them in lower case.
		baseUrl = scheme + baseUrl.substring(scheme.length());
		if (serverKey == null || serverKey.isBlank()) {
			throw new IllegalArgumentException("server-key: must not be empty");
		}
	}

	/**
	 * What a base URL must not carry: user info would be dropped silently on the wire yet
	 * printed wherever the URL is, and a query or fragment has no place in it.
	 * @param uri the base URL
	 * @return the offending part, such as {@code "user info"}, or {@code null}
	 */
	public static @Nullable String unsafePart(URI uri) {
		if (uri.getRawUserInfo() != null) {
			return "user info (user:password@)";
		}
		if (uri.getRawQuery() != null) {
			return "a query";
		}
		if (uri.getRawFragment() != null) {
			return "a fragment";
		}
		return null;
	}

	/**
	 * Settings for the production API.
	 * @param serverKey the Server Key
	 * @return the settings
	 */
	public static ImgwireClientSettings of(String serverKey) {
		return new ImgwireClientSettings(DEFAULT_BASE_URL, serverKey, null, null);
	}

	/**
	 * Settings for another base URL, such as the emulator.
	 * @param baseUrl the base URL
	 * @param serverKey the Server Key
	 * @return the settings
	 */
	public static ImgwireClientSettings of(String baseUrl, String serverKey) {
		return new ImgwireClientSettings(baseUrl, serverKey, null, null);
	}

	public ImgwireClientSettings withClientKey(@Nullable String clientKey) {
		return new ImgwireClientSettings(this.baseUrl, this.serverKey, clientKey, this.environmentId);
	}

	public ImgwireClientSettings withEnvironmentId(@Nullable String environmentId) {
		return new ImgwireClientSettings(this.baseUrl, this.serverKey, this.clientKey, environmentId);
	}

	@Override
	public String toString() {
		return "ImgwireClientSettings[baseUrl=" + this.baseUrl + ", serverKey=<redacted>, clientKey="
				+ ((this.clientKey != null) ? "<redacted>" : "null") + ", environmentId=" + this.environmentId + "]";
	}

}
