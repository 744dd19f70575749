package dev.imgwire.emulator.routes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * One incoming request with its raw path and query parsed.
 * <p>
 * The raw path is kept as sent: Reactor Netty's own path accessors drop the trailing
 * slash, which the Imgwire API treats as significant ({@code /api/v1/images/}).
 *
 * @author imgwire
 */
final class Exchange {

	private final HttpServerRequest request;

	private final String path;

	private final String rawQuery;

	private final Map<String, List<String>> query;

	private Exchange(HttpServerRequest request) {
		this.request = request;
		QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
		this.path = decoder.rawPath();
		this.rawQuery = decoder.rawQuery();
		this.query = decoder.parameters();
	}

	static Exchange of(HttpServerRequest request) {
		return new Exchange(request);
	}

	HttpMethod method() {
		return this.request.method();
	}

	String path() {
		return this.path;
	}

	String rawQuery() {
		return this.rawQuery;
	}

	/**
	 * The last value of a query parameter, as FastAPI reads repeated parameters.
	 * @param name the parameter name
	 * @return the value
	 */
	Optional<String> queryParam(String name) {
		List<String> values = this.query.get(name);
		return (values != null && !values.isEmpty()) ? Optional.of(values.get(values.size() - 1)) : Optional.empty();
	}

	String header(CharSequence name) {
		return this.request.requestHeaders().get(name);
	}

	Mono<byte[]> body() {
		return this.request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]);
	}

	Flux<ByteBuf> bodyChunks() {
		return this.request.receive();
	}

}
