package dev.imgwire.spring.boot.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

import dev.imgwire.client.ImgwireClientSettings;

/**
 * Turns {@link ImgwireConnectionDetails} into client settings, failing fast on a missing
 * Server Key or an insecure base URL.
 *
 * @author Imgwire
 */
final class ImgwireConnectionDetailsValidator {

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

	private ImgwireConnectionDetailsValidator() {
	}

	static ImgwireClientSettings validate(ImgwireConnectionDetails connectionDetails, boolean allowInsecureHttp) {
		String serverKey = connectionDetails.getServerKey();
		if (!StringUtils.hasText(serverKey)) {
			throw new ImgwireServerKeyMissingException();
		}
		String baseUrl = StringUtils.hasText(connectionDetails.getBaseUrl()) ? connectionDetails.getBaseUrl().strip()
				: ImgwireProperties.DEFAULT_BASE_URL;
		if (!allowInsecureHttp && isInsecure(baseUrl)) {
			throw new InsecureImgwireBaseUrlException(printable(baseUrl));
		}
		String unsafePart = unsafePart(baseUrl);
		if (unsafePart != null) {
			throw new InvalidImgwireBaseUrlException(unsafePart, printable(baseUrl));
		}
		return new ImgwireClientSettings(baseUrl, serverKey, connectionDetails.getClientKey(),
				connectionDetails.getEnvironmentId());
	}

	private static @Nullable String unsafePart(String baseUrl) {
		try {
			return ImgwireClientSettings.unsafePart(new URI(baseUrl));
		}
		catch (URISyntaxException ex) {
			// Not a URL at all: the client settings say so, without the value.
			return null;
		}
	}

	static boolean isInsecure(String baseUrl) {
		URI uri = URI.create(baseUrl);
		return "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
	}

	static boolean isLoopback(String host) {
		if (host == null) {
			return false;
		}
		String candidate = host.toLowerCase(Locale.ROOT);
		if (candidate.startsWith("[") && candidate.endsWith("]")) {
			candidate = candidate.substring(1, candidate.length() - 1);
		}
		return "localhost".equals(candidate) || "::1".equals(candidate) || "0:0:0:0:0:0:0:1".equals(candidate)
				|| isIpv4Loopback(candidate);
	}

	private static boolean isIpv4Loopback(String host) {
		if (!IPV4_LOOPBACK.matcher(host).matches()) {
			return false;
		}
		for (String part : host.split("\\.")) {
			if (Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The URL without user info, query and fragment: safe to print.
	 */
	private static String printable(String baseUrl) {
		URI uri = URI.create(baseUrl);
		if (uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
			return baseUrl;
		}
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "")
				+ ((uri.getRawPath() != null) ? uri.getRawPath() : "");
	}

}
