package dev.imgwire.spring.boot.autoconfigure;

/**
 * Thrown at startup when the Imgwire client is auto-configured but no Server Key is
 * available.
 *
 * @author Imgwire
 * @since 0.1.0
 * @see ImgwireServerKeyMissingFailureAnalyzer
 */
public class ImgwireServerKeyMissingException extends IllegalStateException {

	public ImgwireServerKeyMissingException() {
		super("No Imgwire Server Key: set imgwire.server-key or the "
				+ PropertiesImgwireConnectionDetails.API_KEY_ENVIRONMENT_VARIABLE + " environment variable");
	}

}
