package dev.imgwire.client.internal.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.error.ImgwireTimeoutException;

/**
 * Sends one attempt of one request and turns every outcome into either a value or an
 * {@link dev.imgwire.client.error.ImgwireException}: 2xx answers go to the given reader,
 * others to the {@link ErrorResponseDecoder}, and failures of the HTTP stack through
 * {@link TransportErrors}. The deadline bounds the whole attempt, so a retry starts a
 * fresh one.
 * <p>
 * A request whose query is a credential is sent with a {@link ConcealedQuery}: the HTTP
 * stack above the wire only ever sees a placeholder. With a connector other than Reactor
 * Netty, which offers no way to do that, the request is sent with the real query (the
 * first time after a refusal that sent nothing), and from then on directly; that is
 * logged once, as a warning.
 *
 * @author Imgwire
 */
public final class ApiExchange {

	private static final Log logger = LogFactory.getLog(ApiExchange.class);

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils
		.isPresent("reactor.netty.http.client.HttpClientRequest", ApiExchange.class.getClassLoader());

	private final ErrorResponseDecoder errors;

	private final SecretRedactor redactor;

	private final AtomicBoolean concealmentUnsupported = new AtomicBoolean();

	public ApiExchange(ErrorResponseDecoder errors, SecretRedactor redactor) {
		this.errors = errors;
		this.redactor = redactor;
	}

	/**
	 * Send one attempt.
	 * @param <T> the result type
	 * @param operation the operation, for its method and path template
	 * @param request builds the request for a given raw query: the placeholder while the
	 * query is concealed, the real query otherwise, and {@code null} when the request has
	 * no concealed query
	 * @param query the query that is a credential, or {@code null}
	 * @param deadline the bound of the whole exchange
	 * @param redactor removes secrets from the server's error text
	 * @param status receives the status code of the answer
	 * @param reader reads a 2xx answer
	 * @return the result
	 */
	public <T> Mono<T> exchange(ImgwireOperation operation,
			Function<@Nullable String, WebClient.RequestHeadersSpec<?>> request, @Nullable ConcealedQuery query,
			Deadline deadline, SecretRedactor redactor, IntConsumer status, Function<ClientResponse, Mono<T>> reader) {
		if (query == null) {
			return send(operation, request.apply(null), null, deadline, redactor, status, reader);
		}
		return Mono.defer(() -> {
			if (this.concealmentUnsupported.get()) {
				return send(operation, request.apply(query.query()), null, deadline, redactor, status, reader);
			}
			return send(operation, request.apply(query.placeholder()), query, deadline, redactor, status, reader)
				.onErrorResume(QueryRevealer.Unsupported.class, (ex) -> {
					if (this.concealmentUnsupported.compareAndSet(false, true)) {
						// Once per client, and never with the query, which is the
						// credential.
						logger.warn("The HTTP connector (request type " + ex.getRequestType()
								+ ") is not Reactor Netty, so Imgwire upload tokens and presigned URL signatures "
								+ "are sent in the request URL seen above the wire: they may appear in DEBUG logs "
								+ "of the HTTP stack and in the http.url of HTTP client observations");
					}
					return send(operation, request.apply(query.query()), null, deadline, redactor, status, reader);
				});
		});
	}

	private <T> Mono<T> send(ImgwireOperation operation, WebClient.RequestHeadersSpec<?> request,
			@Nullable ConcealedQuery query, Deadline deadline, SecretRedactor redactor, IntConsumer status,
			Function<ClientResponse, Mono<T>> reader) {
		String method = Objects.requireNonNull(operation.method(), "operation must be a request").name();
		String pathTemplate = Objects.requireNonNull(operation.pathTemplate());
		// The whole exchange, body included, is bounded: a gap-between-reads timeout
		// would let a peer that drips one byte at a time hold the call for days. The
		// clock starts once the connector has created the request on a connection:
		// waiting for a pooled connection is no wait for an answer (the pool bounds it,
		// and the connect timeout bounds connecting).
		return new AttemptDeadline<T>((attempt) -> request.httpRequest((httpRequest) -> {
			attempt.start(httpRequest);
			Duration answerTimeout = deadline.answerTimeout();
			if (answerTimeout != null && REACTOR_NETTY_PRESENT) {
				NettyAnswerTimeout.apply(httpRequest, answerTimeout);
			}
			if (query != null) {
				attempt.onEnd(QueryRevealer.install(httpRequest, query));
			}
		}).exchangeToMono((response) -> {
			int code = response.statusCode().value();
			status.accept(code);
			if (response.statusCode().is2xxSuccessful()) {
				return reader.apply(response);
			}
			return this.errors.decode(response, method, pathTemplate, redactor).flatMap(Mono::error);
		}), deadline.duration(), () -> new ImgwireTimeoutException(method, pathTemplate, deadline.reason(), null),
				(ex) -> TransportErrors.map(ex, method, pathTemplate));
	}

	/**
	 * Keeps the Reactor Netty types out of the outer class, so that it loads with other
	 * connectors, which then have the deadline alone.
	 */
	private static final class NettyAnswerTimeout {

		static void apply(ClientHttpRequest request, Duration timeout) {
			if (request.getNativeRequest() instanceof HttpClientRequest nettyRequest) {
				// Starts once the request is sent: the wait for the answer, not for the
				// upload of the body.
				nettyRequest.responseTimeout(timeout);
			}
		}

	}

	public SecretRedactor redactor() {
		return this.redactor;
	}

}
