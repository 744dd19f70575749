package dev.imgwire.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the Imgwire client raises. Messages never contain keys, upload
 * tokens or signed URLs.
 *
 * @author Imgwire
 */
public class ImgwireException extends RuntimeException {

	private volatile int attempts = 1;

	private volatile @Nullable String imageId;

	public ImgwireException(String message) {
		super(message);
	}

	public ImgwireException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * How many times the request was sent before this exception was raised: {@code 1}
	 * without retries.
	 * @return the attempt count
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Record how many attempts ended in this exception. Called by the retry support when
	 * it gives up.
	 * @param attempts the attempt count, at least 1
	 */
	public void setAttempts(int attempts) {
		this.attempts = Math.max(1, attempts);
	}

	/**
	 * The image that an upload had created before it failed: the record exists, but its
	 * bytes may be missing or incomplete. Delete it, or upload again, by this id.
	 * @return the image id, or {@code null} when the failure came before the record was
	 * created, or did not come from an upload
	 */
	public @Nullable String getImageId() {
		return this.imageId;
	}

	/**
	 * Record the image that an upload had created before it failed. Called by the upload
	 * support; an id already recorded is kept.
	 * @param imageId the image id
	 */
	public void setImageId(String imageId) {
		if (this.imageId == null) {
			this.imageId = imageId;
		}
	}

}
