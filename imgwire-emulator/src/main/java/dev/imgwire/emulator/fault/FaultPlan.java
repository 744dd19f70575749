package dev.imgwire.emulator.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.imgwire.emulator.EmulatorOperation;

/**
 * Chooses what happens to the requests selected by {@link Faults#next}. Each method
 * registers the fault and returns the {@link Faults} for chaining.
 *
 * @author imgwire
 */
public final class FaultPlan {

	private final Faults faults;

	private final FaultQueue queue;

	private final EmulatorOperation operation;

	private final int count;

	FaultPlan(Faults faults, FaultQueue queue, EmulatorOperation operation, int count) {
		this.faults = faults;
		this.queue = queue;
		this.operation = operation;
		this.count = count;
	}

	/**
	 * Answer with {@code status} and the body {@code {"detail":"Injected
	 * fault","error_type":"InjectedFault"}}.
	 * @param status the HTTP status
	 * @return the faults, for chaining
	 */
	public Faults respondWith(int status) {
		return register(Fault.Respond.injected(checkStatus(status), null));
	}

	/**
	 * Like {@link #respondWith(int)}, plus {@code Retry-After} in whole seconds, rounded
	 * up so that a sub-second delay is not announced as "retry now".
	 * @param status the HTTP status
	 * @param retryAfter the delay to announce
	 * @return the faults, for chaining
	 */
	public Faults respondWith(int status, Duration retryAfter) {
		if (retryAfter == null || retryAfter.isNegative()) {
			throw new IllegalArgumentException("retryAfter must be zero or positive");
		}
		long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
		return register(Fault.Respond.injected(checkStatus(status), Long.toString(seconds)));
	}

	/**
	 * Like {@link #respondWith(int)}, with a raw {@code Retry-After} value such as an
	 * HTTP date or garbage.
	 * @param status the HTTP status
	 * @param retryAfterHeaderValue the header value, sent as given
	 * @return the faults, for chaining
	 */
	public Faults respondWith(int status, String retryAfterHeaderValue) {
		if (retryAfterHeaderValue == null) {
			throw new IllegalArgumentException("retryAfterHeaderValue must not be null");
		}
		return register(Fault.Respond.injected(checkStatus(status), retryAfterHeaderValue));
	}

	/**
	 * Answer with exactly these headers and body, e.g. malformed JSON, an HTML error page
	 * or an empty body. {@code Content-Length} follows the body unless given.
	 * @param status the HTTP status
	 * @param headers the headers
	 * @param body the body, sent as UTF-8
	 * @return the faults, for chaining
	 */
	public Faults respondRaw(int status, Map<String, String> headers, String body) {
		byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		return register(new Fault.Respond(checkStatus(status), (headers != null) ? headers : Map.of(), bytes));
	}

	/**
	 * Hold the request without answering, then process it normally. Give it longer than
	 * the client's timeout to see the timeout fire.
	 * @param duration how long to hold each request
	 * @return the faults, for chaining
	 */
	public Faults stall(Duration duration) {
		if (duration == null || duration.isNegative()) {
			throw new IllegalArgumentException("duration must be zero or positive");
		}
		return register(new Fault.Stall(duration));
	}

	/**
	 * Close the TCP connection before any response; the operation does not run.
	 * @return the faults, for chaining
	 */
	public Faults resetConnection() {
		return register(new Fault.ResetConnection());
	}

	/**
	 * Run the operation (state changes stick), then close the connection without a
	 * response: the case idempotency keys exist for.
	 * @return the faults, for chaining
	 */
	public Faults loseResponse() {
		return register(new Fault.LoseResponse());
	}

	/**
	 * Run the operation, then send part of the body under the full Content-Length and
	 * close the connection.
	 * @return the faults, for chaining
	 */
	public Faults truncateBody() {
		return register(new Fault.TruncateBody());
	}

	/**
	 * Run the operation, then answer normally except that the body drips: status and
	 * headers (with the full {@code Content-Length}) go out at once, the body
	 * {@code bytes} at a time with {@code interval} between pieces, the first piece right
	 * away. A 100-byte body dripped 10 bytes per second takes nine seconds, so a client
	 * can prove that its deadline covers the whole answer, not just the headers.
	 * @param bytes how many body bytes to send at a time, at least 1
	 * @param interval the pause between pieces, positive
	 * @return the faults, for chaining
	 */
	public Faults dripBody(int bytes, Duration interval) {
		if (bytes < 1) {
			throw new IllegalArgumentException("bytes must be at least 1, was " + bytes);
		}
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("interval must be positive");
		}
		return register(new Fault.DripBody(bytes, interval));
	}

	/**
	 * Run the operation, then set or replace response headers, e.g. garbage pagination
	 * headers.
	 * @param headers the headers to set
	 * @return the faults, for chaining
	 */
	public Faults overrideHeaders(Map<String, String> headers) {
		if (headers == null) {
			throw new IllegalArgumentException("headers must not be null");
		}
		return register(new Fault.OverrideHeaders(headers));
	}

	private Faults register(Fault fault) {
		this.queue.add(this.operation, this.count, fault);
		return this.faults;
	}

	private static int checkStatus(int status) {
		if (status < 100 || status > 599) {
			throw new IllegalArgumentException("status must be between 100 and 599, was " + status);
		}
		return status;
	}

	@Override
	public String toString() {
		return "FaultPlan[operation=" + this.operation + ", count=" + this.count + "]";
	}

}
