package dev.imgwire.spring.boot.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the Imgwire health indicator
 * ({@code management.health.imgwire.*}).
 *
 * @author Imgwire
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.imgwire")
public class ImgwireHealthIndicatorProperties {

	/**
	 * Whether to enable the Imgwire health indicator. Off by default: it calls the remote
	 * API, which an application's health should not usually depend on.
	 */
	private boolean enabled;

	/**
	 * Maximum time to wait for the Imgwire API to answer a health check.
	 */
	private Duration timeout = Duration.ofSeconds(3);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
