package dev.imgwire.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link ImgwireServerKeyMissingException} and the ways out of it.
 *
 * @author Imgwire
 */
class ImgwireServerKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<ImgwireServerKeyMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ImgwireServerKeyMissingException cause) {
		String description = "The Imgwire client could not be configured: no Server Key was found in the "
				+ "'imgwire.server-key' property or the '"
				+ PropertiesImgwireConnectionDetails.API_KEY_ENVIRONMENT_VARIABLE + "' environment variable.";
		String action = """
				Do one of the following:
				\t- set the 'imgwire.server-key' property, or the '%s' environment variable, to your Imgwire Server Key (sk_...)
				\t- set 'imgwire.enabled=false' if this application does not use Imgwire
				\t- define your own ImgwireConnectionDetails bean (for example from a secret store) or ImgwireImagesClient bean
				\t- in tests, add dev.imgwire:imgwire-spring-boot-test (test scope) and annotate the test class with @AutoConfigureImgwireEmulator"""
			.formatted(PropertiesImgwireConnectionDetails.API_KEY_ENVIRONMENT_VARIABLE);
		return new FailureAnalysis(description, action, cause);
	}

}
