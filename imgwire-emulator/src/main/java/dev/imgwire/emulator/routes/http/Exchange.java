package dev.imgwire.emulator.routes.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import dev.imgwire.emulator.routes.wire.JsonBody;

/**
 * One incoming request with its raw path and query parsed.
 * <p>
 * The raw path is kept as sent: Reactor Netty's own path accessors drop the trailing
 * slash, which the Imgwire API treats as significant ({@code /api/v1/images/}).
 *
 * @author imgwire
 */
public final class Exchange {

	private final HttpServerRequest request;

	private final String path;

	private final String rawQuery;

	private final Map<String, List<String>> query;

	private Exchange(HttpServerRequest request) {
		this.request = request;
		QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
		this.path = decoder.rawPath();
		this.rawQuery = decoder.rawQuery();
		this.query = UrlDecoding.parameters(this.rawQuery);
	}

	static Exchange of(HttpServerRequest request) {
		return new Exchange(request);
	}

	public HttpMethod method() {
		return this.request.method();
	}

	public String path() {
		return this.path;
	}

	public String rawQuery() {
		return this.rawQuery;
	}

	/**
	 * The last value of a query parameter, as FastAPI reads repeated parameters.
	 * @param name the parameter name
	 * @return the value
	 */
	public Optional<String> queryParam(String name) {
		List<String> values = this.query.get(name);
		return (values != null && !values.isEmpty()) ? Optional.of(values.get(values.size() - 1)) : Optional.empty();
	}

	public String header(CharSequence name) {
		return this.request.requestHeaders().get(name);
	}

	public Mono<byte[]> body() {
		return this.request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]);
	}

	/**
	 * The body as a required JSON object.
	 * @return the body, or a {@link dev.imgwire.emulator.routes.wire.ValidationException}
	 * signal
	 */
	public Mono<JsonBody> jsonBody() {
		return body().map(JsonBody::parse);
	}

	public Flux<ByteBuf> bodyChunks() {
		return this.request.receive();
	}

}
