package dev.imgwire.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidImgwireBaseUrlException} without printing the part of the URL
 * that may be a credential.
 *
 * @author Imgwire
 */
class InvalidImgwireBaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidImgwireBaseUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidImgwireBaseUrlException cause) {
		String description = "The Imgwire base URL ('imgwire.base-url', starting with '" + cause.getSafeBaseUrl()
				+ "') contains " + cause.getUnsafePart() + ", which a base URL must not have.";
		String action = """
				Set 'imgwire.base-url' to the scheme, host, port and path only (the default is %s). \
				Credentials belong in 'imgwire.server-key' and 'imgwire.client-key'."""
			.formatted(ImgwireProperties.DEFAULT_BASE_URL);
		return new FailureAnalysis(description, action, cause);
	}

}
