package dev.imgwire.emulator.routes.http;

import java.util.List;
import java.util.Set;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;

import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.state.CorsOrigins;

/**
 * CORS for browser uploads with client keys, decided by the environment's live CORS
 * origins: an origin created, changed or deleted through the API takes effect on the next
 * request. With no CORS origins at all any origin may attempt a request, as the docs
 * describe for environments without CORS origins. Patterns match as {@link OriginPattern}
 * describes.
 *
 * @author imgwire
 */
public final class CorsPolicy {

	private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Environment-Id";

	private static final String EXPOSED_HEADERS = "X-Total-Count, X-Page, X-Limit, X-Prev-Page, X-Next-Page, Retry-After, ETag";

	private static final String MAX_AGE_SECONDS = "600";

	private final CorsOrigins origins;

	public CorsPolicy(CorsOrigins origins) {
		this.origins = origins;
	}

	/**
	 * Whether a request from an origin may proceed.
	 * @param origin the {@code Origin} header, or {@code null} for a non-browser client
	 * @return whether the origin is allowed
	 */
	public boolean allows(String origin) {
		List<String> patterns = this.origins.patterns();
		if (origin == null || patterns.isEmpty()) {
			return true;
		}
		for (String pattern : patterns) {
			if (OriginPattern.matches(pattern, origin)) {
				return true;
			}
		}
		return false;
	}

	boolean isPreflight(Exchange exchange) {
		return exchange.method().equals(HttpMethod.OPTIONS) && exchange.header(HttpHeaderNames.ORIGIN) != null
				&& exchange.header(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD) != null;
	}

	HttpReply preflight(Exchange exchange, Set<String> methods) {
		String origin = exchange.header(HttpHeaderNames.ORIGIN);
		if (!allows(origin)) {
			return HttpReply.error(ApiException.notAuthorized("Origin not allowed"));
		}
		return HttpReply.empty(200)
			.header("Access-Control-Allow-Origin", origin)
			.header("Access-Control-Allow-Methods", String.join(", ", methods) + ", OPTIONS")
			.header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
			.header("Access-Control-Max-Age", MAX_AGE_SECONDS)
			.header("Vary", "Origin");
	}

	HttpReply decorate(HttpReply reply, Exchange exchange) {
		String origin = exchange.header(HttpHeaderNames.ORIGIN);
		if (origin != null && allows(origin)) {
			reply.header("Access-Control-Allow-Origin", origin)
				.header("Access-Control-Expose-Headers", EXPOSED_HEADERS)
				.header("Vary", "Origin");
		}
		return reply;
	}

}
