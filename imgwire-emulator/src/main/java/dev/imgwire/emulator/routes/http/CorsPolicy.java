package dev.imgwire.emulator.routes.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;

import dev.imgwire.emulator.routes.wire.ApiException;

/**
 * CORS for browser uploads with client keys. With no origins configured any origin may
 * attempt a request, as the docs describe for environments without CORS origins.
 *
 * @author imgwire
 */
public final class CorsPolicy {

	private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Environment-Id";

	private static final String EXPOSED_HEADERS = "X-Total-Count, X-Page, X-Limit, X-Prev-Page, X-Next-Page, Retry-After, ETag";

	private static final String MAX_AGE_SECONDS = "600";

	private final List<String> allowedOrigins;

	public CorsPolicy(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins.stream().map(CorsPolicy::normalize).toList();
	}

	public boolean allows(String origin) {
		if (origin == null || this.allowedOrigins.isEmpty() || this.allowedOrigins.contains("*")) {
			return true;
		}
		return this.allowedOrigins.contains(normalize(origin));
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

	private static String normalize(String origin) {
		String trimmed = origin.trim().toLowerCase(Locale.ROOT);
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

}
