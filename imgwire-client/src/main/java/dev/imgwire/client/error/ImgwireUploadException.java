package dev.imgwire.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The upload source misbehaved: it could not be read, its length differed from the
 * declared length, a one-shot stream was asked to replay, or a source of unknown length
 * exceeded the spool limit ({@link ImgwireSpoolLimitException}). When this happens after
 * the image record was created, {@link #getImageId()} names it.
 *
 * @author Imgwire
 */
public class ImgwireUploadException extends ImgwireException {

	public ImgwireUploadException(String message) {
		super(message);
	}

	public ImgwireUploadException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
