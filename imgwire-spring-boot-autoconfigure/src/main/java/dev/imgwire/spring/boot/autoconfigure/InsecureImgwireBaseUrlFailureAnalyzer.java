package dev.imgwire.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InsecureImgwireBaseUrlException}.
 *
 * @author Imgwire
 */
class InsecureImgwireBaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<InsecureImgwireBaseUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InsecureImgwireBaseUrlException cause) {
		String description = "The Imgwire base URL '" + cause.getBaseUrl() + "' ('imgwire.base-url') uses plain http "
				+ "to a host that is not a loopback address, so the Server Key would be sent unencrypted.";
		String action = """
				Do one of the following:
				\t- use an https URL for 'imgwire.base-url' (the default is %s)
				\t- set 'imgwire.allow-insecure-http=true' if the network path is trusted"""
			.formatted(ImgwireProperties.DEFAULT_BASE_URL);
		return new FailureAnalysis(description, action, cause);
	}

}
