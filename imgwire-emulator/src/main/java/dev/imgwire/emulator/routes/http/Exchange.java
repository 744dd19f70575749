package dev.imgwire.emulator.routes.http;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.JsonBody;

/**
 * One incoming request with its raw path and query parsed.
 * <p>
 * The raw path is kept as sent: Reactor Netty's own path accessors drop the trailing
 * slash, which the Imgwire API treats as significant ({@code /api/v1/images/}).
 * <p>
 * The body is read within {@link RequestLimits}: JSON up to a size, any body only while
 * its bytes keep arriving. Whether it was read to its end decides whether the connection
 * can carry another request after the reply.
 *
 * @author imgwire
 */
public final class Exchange {

	private final HttpServerRequest request;

	private final String path;

	private final String rawQuery;

	private final Map<String, List<String>> query;

	private final @Nullable String malformedTarget;

	private final RequestLimits limits;

	private volatile boolean bodyStarted;

	private volatile boolean bodyRead;

	private Exchange(HttpServerRequest request, RequestLimits limits) {
		this.request = request;
		this.limits = limits;
		QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
		this.path = decoder.rawPath();
		this.rawQuery = decoder.rawQuery();
		String pathProblem = PercentEncoding.problem(this.path);
		String queryProblem = PercentEncoding.problem(this.rawQuery);
		this.malformedTarget = (pathProblem != null) ? "Malformed request path: " + pathProblem
				: (queryProblem != null) ? "Malformed query string: " + queryProblem : null;
		this.query = (this.malformedTarget == null) ? decoder.parameters() : Map.of();
	}

	static Exchange of(HttpServerRequest request, RequestLimits limits) {
		return new Exchange(request, limits);
	}

	/**
	 * Why the request target cannot be decoded, such as {@code %zz} or percent-encoded
	 * bytes that are no UTF-8.
	 * @return the problem, or {@code null} for a well-formed target
	 */
	@Nullable String malformedTarget() {
		return this.malformedTarget;
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

	/**
	 * The whole body, for JSON: at most {@link RequestLimits#maxJsonBodyBytes()}. A
	 * larger announced {@code Content-Length} fails before a byte is read; a larger
	 * chunked body fails as soon as it passes the limit. Either way the signal is a 413.
	 * @return the body, empty when none was sent
	 */
	public Mono<byte[]> body() {
		long limit = this.limits.maxJsonBodyBytes();
		if (declaredLength() > limit) {
			return Mono.error(() -> jsonTooLarge(limit));
		}
		return bodyChunks().reduceWith(ByteArrayOutputStream::new, (collected, chunk) -> {
			if (collected.size() + (long) chunk.readableBytes() > limit) {
				throw jsonTooLarge(limit);
			}
			byte[] bytes = new byte[chunk.readableBytes()];
			chunk.getBytes(chunk.readerIndex(), bytes);
			collected.writeBytes(bytes);
			return collected;
		}).map(ByteArrayOutputStream::toByteArray);
	}

	/**
	 * The body as a required JSON object.
	 * @return the body, or a {@link dev.imgwire.emulator.routes.wire.ValidationException}
	 * signal
	 */
	public Mono<JsonBody> jsonBody() {
		return body().map(JsonBody::parse);
	}

	/**
	 * The body as it arrives. When no byte arrives for
	 * {@link RequestLimits#bodyIdleTimeout()} the flux fails with a 408, which cancels
	 * the read, so a stalled client holds nothing beyond that.
	 * @return the chunks, released by Reactor Netty once each {@code onNext} returns
	 */
	public Flux<ByteBuf> bodyChunks() {
		return this.request.receive()
			.doOnSubscribe((subscription) -> this.bodyStarted = true)
			.timeout(this.limits.bodyIdleTimeout())
			.onErrorMap(TimeoutException.class,
					(ex) -> ApiException.requestTimeout(
							"No request body bytes arrived for " + this.limits.bodyIdleTimeout().toMillis() + " ms"))
			.doOnComplete(() -> this.bodyRead = true);
	}

	/**
	 * Whether the connection must close after the reply instead of serving another
	 * request: the body was not read to its end and is too large to drain, of unknown
	 * size, partly read already, or stalled.
	 * @param status the status of the reply
	 * @return whether to close the connection
	 */
	boolean closeAfterReply(int status) {
		if (this.bodyRead || !hasBody()) {
			return false;
		}
		long declared = declaredLength();
		return this.bodyStarted || status == 408 || status == 413 || declared < 0
				|| declared > RequestLimits.DRAINABLE_BODY_BYTES;
	}

	private boolean hasBody() {
		return declaredLength() != 0 || isChunked();
	}

	private boolean isChunked() {
		String encoding = header(HttpHeaderNames.TRANSFER_ENCODING);
		return encoding != null && encoding.toLowerCase(Locale.ROOT).contains(HttpHeaderValues.CHUNKED);
	}

	/**
	 * The announced body size: 0 without {@code Content-Length}, -1 when it is chunked or
	 * unreadable.
	 */
	private long declaredLength() {
		String length = header(HttpHeaderNames.CONTENT_LENGTH);
		if (length == null) {
			return isChunked() ? -1 : 0;
		}
		try {
			return Long.parseLong(length.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static ApiException jsonTooLarge(long limit) {
		return ApiException.payloadTooLarge("JSON bodies are limited to " + limit + " bytes");
	}

}
