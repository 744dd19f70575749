package dev.imgwire.emulator.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One kind of misbehaviour. Faults that replace the operation ({@link Respond},
 * {@link Stall}, {@link ResetConnection}) act before it runs; the others let the
 * operation change state first and then damage the response.
 *
 * @author imgwire
 */
public sealed interface Fault {

	/**
	 * Answer with a fixed response instead of running the operation.
	 *
	 * @param status the HTTP status
	 * @param headers headers to send as given
	 * @param body the exact body bytes
	 */
	record Respond(int status, Map<String, String> headers, byte[] body) implements Fault {

		public Respond {
			headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
		}

		static Respond injected(int status, @Nullable String retryAfter) {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			if (retryAfter != null) {
				headers.put("Retry-After", retryAfter);
			}
			byte[] body = "{\"detail\":\"Injected fault\",\"error_type\":\"InjectedFault\"}"
				.getBytes(StandardCharsets.UTF_8);
			return new Respond(status, headers, body);
		}

	}

	/**
	 * Hold the request, then run it normally.
	 *
	 * @param duration how long to hold it
	 */
	record Stall(Duration duration) implements Fault {

	}

	/** Close the connection before any response, without running the operation. */
	record ResetConnection() implements Fault {

	}

	/** Run the operation, then close the connection without responding. */
	record LoseResponse() implements Fault {

	}

	/** Run the operation, then send fewer body bytes than the declared Content-Length. */
	record TruncateBody() implements Fault {

	}

	/**
	 * Run the operation, then send its response with the full {@code Content-Length} at
	 * once but the body a few bytes at a time.
	 *
	 * @param bytes how many body bytes to send at a time
	 * @param interval the pause between two pieces
	 */
	record DripBody(int bytes, Duration interval) implements Fault {

	}

	/**
	 * Run the operation, then set or replace response headers.
	 *
	 * @param headers the headers to set
	 */
	record OverrideHeaders(Map<String, String> headers) implements Fault {

		public OverrideHeaders {
			headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
		}

	}

}
