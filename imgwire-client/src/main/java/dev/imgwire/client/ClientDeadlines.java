package dev.imgwire.client;

import java.time.Duration;

import dev.imgwire.client.retry.ImgwireRetryPolicy;

/**
 * The deadlines a client was built with, and the longest call they allow: what
 * {@link ImgwireTemplate} waits by default before it gives up on a call.
 *
 * @param retryPolicy the retry policy (also assumed for a custom retry strategy)
 * @param responseTimeout the bound of one attempt of a request
 * @param uploadTimeout the bound of one attempt of the presigned {@code PUT}
 * @param readyTimeout how long an upload waits for {@code READY} when it waits
 * @author Imgwire
 */
record ClientDeadlines(ImgwireRetryPolicy retryPolicy, Duration responseTimeout, Duration uploadTimeout,
		Duration readyTimeout) {

	/**
	 * The deadlines of a client built with the builder's defaults.
	 * @return the defaults
	 */
	static ClientDeadlines defaults() {
		return new ClientDeadlines(ImgwireRetryPolicy.defaults(), Duration.ofSeconds(30), Duration.ofMinutes(10),
				Duration.ofSeconds(60));
	}

	/**
	 * The longest call: an upload whose create request, {@code PUT} and final retrieve
	 * each use every attempt and every back-off, and which then waits for {@code READY}:
	 * {@code 2 x request + put + readyTimeout}, where {@code request} is
	 * {@code attempts x responseTimeout + retries x maxDelay} and {@code put} is
	 * {@code attempts x uploadTimeout + retries x maxDelay}. 37 minutes with the
	 * defaults.
	 * @return the longest call the client's own deadlines allow
	 */
	Duration longestCall() {
		int retries = this.retryPolicy.enabled() ? this.retryPolicy.maxRetries() : 0;
		Duration backoffs = this.retryPolicy.maxDelay().multipliedBy(retries);
		Duration request = this.responseTimeout.multipliedBy(retries + 1L).plus(backoffs);
		Duration put = this.uploadTimeout.multipliedBy(retries + 1L).plus(backoffs);
		return request.multipliedBy(2).plus(put).plus(this.readyTimeout);
	}

}
