package dev.imgwire.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details required to establish a connection to the Imgwire API. Define a bean of this
 * type to take the base URL and keys from somewhere other than the {@code imgwire.*}
 * properties, such as a secret store or a test emulator.
 * <p>
 * Implementations should not print keys from {@code toString()}.
 *
 * @author Imgwire
 * @since 0.1.0
 */
public interface ImgwireConnectionDetails extends ConnectionDetails {

	/**
	 * Base URL of the Imgwire API, for example {@code https://api.imgwire.dev}.
	 * @return the base URL
	 */
	String getBaseUrl();

	/**
	 * Server Key sent as the bearer token.
	 * @return the Server Key, or {@code null} when none is configured
	 */
	@Nullable String getServerKey();

	/**
	 * Client Key, for operations made on behalf of a browser.
	 * @return the Client Key, or {@code null}
	 */
	default @Nullable String getClientKey() {
		return null;
	}

	/**
	 * Environment id sent as the {@code X-Environment-Id} header.
	 * @return the environment id, or {@code null}
	 */
	default @Nullable String getEnvironmentId() {
		return null;
	}

}
