package dev.imgwire.client.http;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.ImgwireOperation;

/**
 * Sends one attempt of one request and turns every outcome into either a value or an
 * {@link dev.imgwire.client.error.ImgwireException}: 2xx answers go to the given reader,
 * others to the {@link ErrorResponseDecoder}, and failures of the HTTP stack through
 * {@link TransportErrors}. The response timeout is part of the attempt, so a retry starts
 * a fresh one.
 *
 * @author Imgwire
 */
public final class ApiExchange {

	private final ErrorResponseDecoder errors;

	private final SecretRedactor redactor;

	public ApiExchange(ErrorResponseDecoder errors, SecretRedactor redactor) {
		this.errors = errors;
		this.redactor = redactor;
	}

	/**
	 * Send one attempt.
	 * @param <T> the result type
	 * @param operation the operation, for its method and path template
	 * @param request the request, ready to exchange
	 * @param responseTimeout the response timeout
	 * @param fallbackTimeout bound of the whole exchange where the connector has no
	 * native response timeout
	 * @param redactor removes secrets from the server's error text
	 * @param status receives the status code of the answer
	 * @param reader reads a 2xx answer
	 * @return the result
	 */
	public <T> Mono<T> exchange(ImgwireOperation operation, WebClient.RequestHeadersSpec<?> request,
			Duration responseTimeout, Duration fallbackTimeout, SecretRedactor redactor, IntConsumer status,
			Function<ClientResponse, Mono<T>> reader) {
		String method = Objects.requireNonNull(operation.method(), "operation must be a request").name();
		String pathTemplate = Objects.requireNonNull(operation.pathTemplate());
		return ResponseTimeouts.<T>apply(responseTimeout, fallbackTimeout, (timeout) -> request.httpRequest(timeout)
			.exchangeToMono((response) -> {
				int code = response.statusCode().value();
				status.accept(code);
				if (response.statusCode().is2xxSuccessful()) {
					return reader.apply(response);
				}
				return this.errors.decode(response, method, pathTemplate, redactor).flatMap(Mono::error);
			})).onErrorMap((ex) -> TransportErrors.map(ex, method, pathTemplate));
	}

	/**
	 * Send one attempt with the client's own redactor.
	 * @param <T> the result type
	 * @param operation the operation, for its method and path template
	 * @param request the request, ready to exchange
	 * @param responseTimeout the response timeout
	 * @param status receives the status code of the answer
	 * @param reader reads a 2xx answer
	 * @return the result
	 */
	public <T> Mono<T> exchange(ImgwireOperation operation, WebClient.RequestHeadersSpec<?> request,
			Duration responseTimeout, IntConsumer status, Function<ClientResponse, Mono<T>> reader) {
		return exchange(operation, request, responseTimeout, responseTimeout, this.redactor, status, reader);
	}

	public SecretRedactor redactor() {
		return this.redactor;
	}

}
