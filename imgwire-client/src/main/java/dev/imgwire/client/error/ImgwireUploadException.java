package dev.imgwire.client.error;

/**
 * The upload source misbehaved: it could not be read, its length differed from the
 * declared length, or a one-shot stream was asked to replay.
 *
 * @author Imgwire
 */
public class ImgwireUploadException extends ImgwireException {

	public ImgwireUploadException(String message) {
		super(message);
	}

	public ImgwireUploadException(String message, Throwable cause) {
		super(message, cause);
	}

}
