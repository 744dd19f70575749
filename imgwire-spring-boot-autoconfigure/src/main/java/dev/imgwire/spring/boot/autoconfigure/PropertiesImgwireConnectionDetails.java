package dev.imgwire.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Adapts {@link ImgwireProperties} to {@link ImgwireConnectionDetails}. The Server Key
 * falls back to the {@value #API_KEY_ENVIRONMENT_VARIABLE} environment variable, the name
 * Imgwire's documentation and CLI use.
 *
 * @author Imgwire
 * @since 0.1.0
 */
public class PropertiesImgwireConnectionDetails implements ImgwireConnectionDetails {

	/**
	 * Environment variable holding the Server Key when {@code imgwire.server-key} is not
	 * set.
	 */
	public static final String API_KEY_ENVIRONMENT_VARIABLE = "IMGWIRE_API_KEY";

	private final ImgwireProperties properties;

	private final @Nullable String serverKey;

	/**
	 * Create a new instance.
	 * @param properties the Imgwire properties
	 * @param environment the environment to resolve
	 * {@value #API_KEY_ENVIRONMENT_VARIABLE} from
	 */
	public PropertiesImgwireConnectionDetails(ImgwireProperties properties, Environment environment) {
		this.properties = properties;
		this.serverKey = StringUtils.hasText(properties.getServerKey()) ? properties.getServerKey()
				: environment.getProperty(API_KEY_ENVIRONMENT_VARIABLE);
	}

	@Override
	public String getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public @Nullable String getServerKey() {
		return StringUtils.hasText(this.serverKey) ? this.serverKey : null;
	}

	@Override
	public @Nullable String getClientKey() {
		return StringUtils.hasText(this.properties.getClientKey()) ? this.properties.getClientKey() : null;
	}

	@Override
	public @Nullable String getEnvironmentId() {
		return StringUtils.hasText(this.properties.getEnvironmentId()) ? this.properties.getEnvironmentId() : null;
	}

	@Override
	public String toString() {
		return "PropertiesImgwireConnectionDetails[baseUrl=" + getBaseUrl() + ", serverKey=" + redact(getServerKey())
				+ ", clientKey=" + redact(getClientKey()) + ", environmentId=" + getEnvironmentId() + "]";
	}

	static String redact(@Nullable String key) {
		return (key != null) ? "<redacted>" : "<none>";
	}

}
