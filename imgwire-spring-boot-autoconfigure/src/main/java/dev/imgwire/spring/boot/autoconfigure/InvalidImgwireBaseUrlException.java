package dev.imgwire.spring.boot.autoconfigure;

/**
 * Thrown at startup when the Imgwire base URL carries user info, a query or a fragment.
 * User info would be dropped on the wire yet printed wherever the URL is shown, so the
 * message shows the URL without those parts.
 *
 * @author Imgwire
 * @since 0.1.0
 * @see InvalidImgwireBaseUrlFailureAnalyzer
 */
public class InvalidImgwireBaseUrlException extends IllegalStateException {

	private final String unsafePart;

	private final String safeBaseUrl;

	/**
	 * Create an exception.
	 * @param unsafePart what the URL must not carry, such as {@code "a query"}
	 * @param safeBaseUrl the URL with its user info, query and fragment removed
	 */
	public InvalidImgwireBaseUrlException(String unsafePart, String safeBaseUrl) {
		super("The Imgwire base URL (imgwire.base-url) must not contain " + unsafePart + "; it starts with '"
				+ safeBaseUrl + "'");
		this.unsafePart = unsafePart;
		this.safeBaseUrl = safeBaseUrl;
	}

	/**
	 * What the URL must not carry.
	 * @return for example {@code "user info (user:password@)"}
	 */
	public String getUnsafePart() {
		return this.unsafePart;
	}

	/**
	 * The URL without user info, query and fragment.
	 * @return the URL, safe to print
	 */
	public String getSafeBaseUrl() {
		return this.safeBaseUrl;
	}

}
