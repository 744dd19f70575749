package dev.imgwire.client.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * Applies a response timeout to one request. With Reactor Netty the timeout goes on the
 * request itself ({@link HttpClientRequest#responseTimeout(Duration)}), where it measures
 * the wait for the answer and not the time spent sending the body. Any other connector
 * falls back to a Reactor timeout around the whole exchange.
 *
 * @author Imgwire
 */
public final class ResponseTimeouts {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.client.HttpClientRequest", ResponseTimeouts.class.getClassLoader());

	private ResponseTimeouts() {
	}

	/**
	 * Apply a response timeout to one exchange, with a separate bound for connectors
	 * without a native response timeout, where it covers sending the body as well.
	 * @param <T> the result type
	 * @param timeout the response timeout
	 * @param fallbackTimeout the bound of the whole exchange for other connectors
	 * @param exchange builds the exchange, given the callback to hand to
	 * {@code WebClient.RequestHeadersSpec#httpRequest}
	 * @return the exchange with the timeout applied
	 */
	public static <T> Mono<T> apply(Duration timeout, Duration fallbackTimeout,
			Function<Consumer<ClientHttpRequest>, Mono<T>> exchange) {
		return Mono.defer(() -> {
			// Emits once the connector has created the request: whether it applied the
			// timeout natively. Before that the request waits for a connection (bounded
			// by the pool and the connect timeout), which is no wait for a response.
			Sinks.One<Boolean> created = Sinks.one();
			Consumer<ClientHttpRequest> callback = (request) -> created
				.tryEmitValue(REACTOR_NETTY_PRESENT && NettyTimeout.apply(request, timeout));
			// Fires only when the connector had no native timeout.
			Mono<Long> fallback = created.asMono()
				.flatMap((nativeApplied) -> nativeApplied ? Mono.<Long>never() : Mono.delay(fallbackTimeout));
			return exchange.apply(callback)
				.timeout(fallback)
				.onErrorMap(TimeoutException.class, (ex) -> new TimeoutException("no response within " + fallbackTimeout));
		});
	}

	/**
	 * Keeps the Reactor Netty types out of the outer class, so that it loads with other
	 * connectors.
	 */
	private static final class NettyTimeout {

		static boolean apply(ClientHttpRequest request, Duration timeout) {
			Object nativeRequest = request.getNativeRequest();
			if (nativeRequest instanceof HttpClientRequest nettyRequest) {
				nettyRequest.responseTimeout(timeout);
				return true;
			}
			return false;
		}

	}

}
