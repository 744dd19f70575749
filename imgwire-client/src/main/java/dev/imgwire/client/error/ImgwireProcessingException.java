package dev.imgwire.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Waiting for an image or download job ended without success: it reached a failed
 * terminal status ({@code QUARANTINE}, {@code FAILED}) or the wait timed out.
 *
 * @author Imgwire
 */
public class ImgwireProcessingException extends ImgwireException {

	private final String resourceId;

	private final @Nullable String lastStatus;

	public ImgwireProcessingException(String message, String resourceId, @Nullable String lastStatus) {
		super(message);
		this.resourceId = resourceId;
		this.lastStatus = lastStatus;
	}

	public String getResourceId() {
		return this.resourceId;
	}

	/**
	 * The status seen last, for example {@code QUARANTINE}.
	 * @return the last status, or {@code null} when the wait ended before any status was
	 * read
	 */
	public @Nullable String getLastStatus() {
		return this.lastStatus;
	}

}
