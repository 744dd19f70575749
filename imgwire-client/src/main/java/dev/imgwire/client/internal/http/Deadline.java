package dev.imgwire.client.internal.http;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The bound of one attempt, from the moment its request has a connection to the last byte
 * of the answer's body: a peer that answers one byte at a time cannot keep a call alive
 * past it. Connecting is bounded by the connect timeout, and waiting for a pooled
 * connection by the pool.
 *
 * @param duration how long the attempt may take
 * @param reason what the timeout error says, naming the deadline that elapsed
 * @param answerTimeout how long to wait for the answer once the request is sent, or
 * {@code null} when the deadline alone bounds the wait
 * @author Imgwire
 */
public record Deadline(Duration duration, String reason, @Nullable Duration answerTimeout) {

	/**
	 * The deadline of an API call.
	 * @param responseTimeout the response timeout
	 * @return the deadline
	 */
	public static Deadline response(Duration responseTimeout) {
		return new Deadline(responseTimeout,
				"no complete response within the response timeout (" + format(responseTimeout) + ")", null);
	}

	/**
	 * The deadline of the presigned {@code PUT}. Sending a large body may take most of
	 * it, so the answer, once the body is sent, has the response timeout of its own.
	 * @param uploadTimeout the upload timeout
	 * @param responseTimeout the response timeout
	 * @return the deadline
	 */
	public static Deadline upload(Duration uploadTimeout, Duration responseTimeout) {
		return new Deadline(uploadTimeout,
				"upload not complete within the upload timeout (" + format(uploadTimeout) + ")", responseTimeout);
	}

	/**
	 * A duration as people write it in properties: {@code 300ms}, {@code 30s}.
	 * @param duration the duration
	 * @return the text
	 */
	public static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
