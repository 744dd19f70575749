package dev.imgwire.client.error;

/**
 * An upload source of unknown length was larger than the spool limit. Such a source is
 * written to a temporary file to learn its length before anything is sent, so this
 * failure comes before the image record is created; the partial file is deleted.
 *
 * @author Imgwire
 */
public class ImgwireSpoolLimitException extends ImgwireUploadException {

	private final long maxBytes;

	public ImgwireSpoolLimitException(long maxBytes) {
		super("The upload source is larger than the spool limit of " + maxBytes + " bytes; nothing was sent. "
				+ "Raise the limit (property imgwire.upload.spool.max-size, or ImgwireClientBuilder.maxSpoolBytes), "
				+ "or give the source's length so that it is streamed without spooling");
		this.maxBytes = maxBytes;
	}

	/**
	 * The limit that was exceeded.
	 * @return the largest number of bytes a source of unknown length may have
	 */
	public long getMaxBytes() {
		return this.maxBytes;
	}

}
