package dev.imgwire.samplemvc.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the pages' images come from when the sample talks to the real Imgwire API: the
 * origin of the images' {@code cdn_url}, the only other origin the
 * Content-Security-Policy lets images load from. On the embedded emulator the emulator's
 * own URL is used instead.
 *
 * @param origin the CDN origin, such as {@code https://cdn.imgwire.dev} or the custom
 * domain of the environment; only its scheme, host and port are used
 * @author Imgwire
 */
@ConfigurationProperties("sample.cdn")
public record CdnOriginProperties(@DefaultValue("https://cdn.imgwire.dev") URI origin) {

	public CdnOriginProperties {
		if (!("https".equals(origin.getScheme()) || "http".equals(origin.getScheme())) || origin.getHost() == null) {
			throw new IllegalArgumentException("must be an http or https origin, such as https://cdn.imgwire.dev");
		}
	}

	/**
	 * The origin alone, without path, query or user information.
	 * @return {@code scheme://host[:port]}
	 */
	public String value() {
		return this.origin.getScheme() + "://" + this.origin.getHost()
				+ ((this.origin.getPort() != -1) ? ":" + this.origin.getPort() : "");
	}

}
