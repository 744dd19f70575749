package dev.imgwire.client.error;

/**
 * Root of every exception the Imgwire client raises. Messages never contain keys, upload
 * tokens or signed URLs.
 *
 * @author Imgwire
 */
public class ImgwireException extends RuntimeException {

	private volatile int attempts = 1;

	public ImgwireException(String message) {
		super(message);
	}

	public ImgwireException(String message, Throwable cause) {
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

}
