package dev.imgwire.sample.web;

import java.util.function.Consumer;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the API's {@link ApiError} body from web filters (security, rate limiting),
 * which run before any controller advice could.
 *
 * @author Imgwire
 */
@Component
public final class JsonErrorWriter {

	private final JsonMapper jsonMapper;

	public JsonErrorWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Answer with {@code status} and {@code {"error": message}}.
	 * @param exchange the exchange to answer
	 * @param status the status
	 * @param message the error, in words the page can show
	 * @return completes when written
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String message) {
		return write(exchange, status, message, (headers) -> {
		});
	}

	/**
	 * Answer with {@code status}, extra headers and {@code {"error": message}}.
	 * @param exchange the exchange to answer
	 * @param status the status
	 * @param message the error, in words the page can show
	 * @param headers adds headers to the answer
	 * @return completes when written
	 */
	public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String message,
			Consumer<HttpHeaders> headers) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		headers.accept(response.getHeaders());
		DataBuffer body = response.bufferFactory().wrap(this.jsonMapper.writeValueAsBytes(ApiError.of(message)));
		return response.writeWith(Mono.just(body));
	}

}
