package dev.imgwire.client.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.error.ImgwireTransportException;

/**
 * Maps whatever the HTTP stack raised to an {@link ImgwireException}. Messages are built
 * from fixed phrases and the method plus path template only; Spring's request exceptions,
 * which hold the full URI (and so an upload token or a signed URL), are dropped from the
 * cause chain.
 *
 * @author Imgwire
 */
public final class TransportErrors {

	private TransportErrors() {
	}

	/**
	 * Map a failure of one request.
	 * @param failure what the HTTP stack raised
	 * @param method the request's method
	 * @param pathTemplate the request's path template
	 * @return the matching exception
	 */
	public static ImgwireException map(Throwable failure, String method, String pathTemplate) {
		ImgwireException own = findOwn(failure);
		if (own != null) {
			return own;
		}
		Throwable cause = strip(failure);
		if (isTimeout(cause)) {
			return new ImgwireTimeoutException(method, pathTemplate, timeoutReason(cause), cause);
		}
		if (isConnectionFailure(cause)) {
			return new ImgwireTransportException(method, pathTemplate, transportReason(cause), cause);
		}
		return new ImgwireException(
				method + " " + pathTemplate + " failed unexpectedly (" + cause.getClass().getSimpleName() + ")", cause);
	}

	/**
	 * Whether a failure is the connection going away, as opposed to a problem with the
	 * content.
	 * @param failure the failure
	 * @return {@code true} for resets, premature closes and similar
	 */
	public static boolean isConnectionFailure(Throwable failure) {
		Throwable cause = strip(failure);
		return cause instanceof IOException || isNettyChannelFailure(cause);
	}

	private static @Nullable ImgwireException findOwn(Throwable failure) {
		Throwable current = failure;
		for (int depth = 0; current != null && depth < 16; depth++) {
			if (current instanceof ImgwireException imgwireException) {
				return imgwireException;
			}
			current = current.getCause();
		}
		return null;
	}

	private static Throwable strip(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof WebClientRequestException || current instanceof WebClientResponseException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		if (current instanceof WebClientRequestException || current instanceof WebClientResponseException) {
			// No cause to keep, and the exception itself carries the URI.
			return new IOException(current.getClass().getSimpleName());
		}
		return current;
	}

	static boolean isTimeout(Throwable failure) {
		Throwable cause = strip(failure);
		return cause instanceof TimeoutException || cause instanceof SocketTimeoutException
				|| isClass(cause, "io.netty.handler.timeout.TimeoutException")
				|| isClass(cause, "io.netty.channel.ConnectTimeoutException");
	}

	private static String timeoutReason(Throwable cause) {
		if (isClass(cause, "io.netty.channel.ConnectTimeoutException") || (cause instanceof SocketTimeoutException
				&& String.valueOf(cause.getMessage()).contains("connect"))) {
			return "connect timeout elapsed";
		}
		if (isClass(cause, "io.netty.handler.timeout.WriteTimeoutException")) {
			return "write timeout elapsed";
		}
		return "no response within the response timeout";
	}

	private static String transportReason(Throwable cause) {
		String name = cause.getClass().getName();
		if (name.equals("reactor.netty.http.client.PrematureCloseException")) {
			return "the connection closed before the response was complete";
		}
		if (cause instanceof ConnectException) {
			return "connection refused";
		}
		if (cause instanceof UnknownHostException) {
			return "unknown host";
		}
		if (cause instanceof NoRouteToHostException) {
			return "no route to host";
		}
		if (cause instanceof ClosedChannelException || name.equals("reactor.netty.channel.AbortedException")) {
			return "the connection was closed";
		}
		String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
		if (message.contains("reset")) {
			return "connection reset";
		}
		if (message.contains("broken pipe")) {
			return "the connection was closed while sending";
		}
		return "I/O error (" + cause.getClass().getSimpleName() + ")";
	}

	private static boolean isNettyChannelFailure(Throwable cause) {
		return isClass(cause, "io.netty.channel.ChannelException")
				|| isClass(cause, "reactor.netty.channel.AbortedException");
	}

	private static boolean isClass(Throwable cause, String className) {
		for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(className)) {
				return true;
			}
		}
		return false;
	}

}
