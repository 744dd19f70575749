package dev.imgwire.client.observation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.imgwire.client.ImgwireOperation;

/**
 * What an Imgwire client observation knows about one operation, or about one retry of it.
 * Holds no key, token or signed URL.
 *
 * @author Imgwire
 */
public class ImgwireClientObservationContext extends Observation.Context {

	private final ImgwireOperation operation;

	private final boolean retry;

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicLong uploadedBytes = new AtomicLong(-1);

	private volatile @Nullable Integer status;

	private volatile @Nullable String imageId;

	private volatile @Nullable String retryReason;

	private volatile @Nullable Duration retryDelay;

	private volatile boolean cancelled;

	/**
	 * Create a context for one operation.
	 * @param operation the operation
	 */
	public ImgwireClientObservationContext(ImgwireOperation operation) {
		this(operation, false);
	}

	private ImgwireClientObservationContext(ImgwireOperation operation, boolean retry) {
		this.operation = operation;
		this.retry = retry;
	}

	/**
	 * Create a context for the back-off wait before one retry of an operation.
	 * @param operation the operation being retried
	 * @param reason why the failed attempt is retried, for example {@code server_error}
	 * @param delay the back-off before the retry
	 * @param failedAttempt number of the attempt that failed, from 1
	 * @return the context
	 */
	public static ImgwireClientObservationContext forRetry(ImgwireOperation operation, String reason, Duration delay,
			int failedAttempt) {
		ImgwireClientObservationContext context = new ImgwireClientObservationContext(operation, true);
		context.retryReason = reason;
		context.retryDelay = delay;
		context.attempts.set(failedAttempt);
		return context;
	}

	public ImgwireOperation getOperation() {
		return this.operation;
	}

	/**
	 * Whether this context describes a retry rather than an operation.
	 * @return {@code true} for {@code imgwire.client.retries} observations
	 */
	public boolean isRetry() {
		return this.retry;
	}

	/**
	 * The HTTP status of the last answer.
	 * @return the status code, or {@code null} when no answer arrived (or for the
	 * composite upload)
	 */
	public @Nullable Integer getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable Integer status) {
		this.status = status;
	}

	/**
	 * The image the operation concerns, when known. High cardinality only.
	 * @return the image id, or {@code null}
	 */
	public @Nullable String getImageId() {
		return this.imageId;
	}

	public void setImageId(@Nullable String imageId) {
		this.imageId = imageId;
	}

	/**
	 * How many times the request was sent; for a retry, the number of the attempt that
	 * failed.
	 * @return the attempt count
	 */
	public int getAttempts() {
		return this.attempts.get();
	}

	/**
	 * Count one more attempt.
	 * @return the new attempt count
	 */
	public int incrementAttempts() {
		return this.attempts.incrementAndGet();
	}

	/**
	 * Bytes sent to the presigned upload URL, for {@code images.put} and
	 * {@code images.upload}.
	 * @return the byte count, or {@code -1} when the operation uploads nothing
	 */
	public long getUploadedBytes() {
		return this.uploadedBytes.get();
	}

	public void setUploadedBytes(long uploadedBytes) {
		this.uploadedBytes.set(uploadedBytes);
	}

	/**
	 * Why the failed attempt is retried.
	 * @return the reason, for retries only
	 */
	public @Nullable String getRetryReason() {
		return this.retryReason;
	}

	/**
	 * The back-off before the retry.
	 * @return the delay, for retries only
	 */
	public @Nullable Duration getRetryDelay() {
		return this.retryDelay;
	}

	/**
	 * Whether the subscriber cancelled before the operation finished.
	 * @return {@code true} when cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	public void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

}
