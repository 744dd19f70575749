package dev.imgwire.spring.boot.autoconfigure;

/**
 * Thrown at startup when the Imgwire base URL uses plain {@code http} to a host that is
 * not a loopback address and {@code imgwire.allow-insecure-http} is not set.
 *
 * @author Imgwire
 * @since 0.1.0
 * @see InsecureImgwireBaseUrlFailureAnalyzer
 */
public class InsecureImgwireBaseUrlException extends IllegalStateException {

	private final String baseUrl;

	public InsecureImgwireBaseUrlException(String baseUrl) {
		super("Refusing to send Imgwire keys over plain http to '" + baseUrl
				+ "' (imgwire.base-url); use https, or set imgwire.allow-insecure-http=true");
		this.baseUrl = baseUrl;
	}

	/**
	 * The rejected base URL.
	 * @return the base URL
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

}
