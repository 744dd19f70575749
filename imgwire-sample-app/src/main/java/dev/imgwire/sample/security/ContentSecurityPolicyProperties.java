package dev.imgwire.sample.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Origins besides the app's own that the pages may load images from or send requests to,
 * with the real Imgwire API. The API's own origin comes from the configured base URL.
 * With the embedded emulator neither applies: its CDN and presigned upload URLs are on
 * its own origin, which is the only one allowed.
 *
 * @param cdnOrigins where the gallery's images ({@code cdn_url}) come from:
 * {@code https://cdn.imgwire.dev}, the host of every {@code cdn_url} in Imgwire's docs,
 * plus the environment's custom domain if it has one
 * @param uploadOrigins where the browser {@code PUT}s the bytes, the origin of the
 * presigned {@code upload_url}, when it is not the API's (Imgwire's docs do not name it;
 * a blocked upload shows the origin in the browser console)
 * @author Imgwire
 */
@ConfigurationProperties("sample.security.csp")
public record ContentSecurityPolicyProperties(@DefaultValue("https://cdn.imgwire.dev") List<String> cdnOrigins,
		@DefaultValue List<String> uploadOrigins) {

}
