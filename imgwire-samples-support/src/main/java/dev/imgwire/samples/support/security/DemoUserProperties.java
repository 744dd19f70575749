package dev.imgwire.samples.support.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A sample's single login.
 *
 * @param password password of the {@code demo} user; when absent a random one is
 * generated at startup and logged once, so a sample never ships a guessable default
 * @author Imgwire
 */
@ConfigurationProperties("sample.security")
public record DemoUserProperties(@Nullable String password) {

	@Override
	public String toString() {
		return "DemoUserProperties[password=" + ((this.password != null) ? "<redacted>" : "null") + "]";
	}

}
