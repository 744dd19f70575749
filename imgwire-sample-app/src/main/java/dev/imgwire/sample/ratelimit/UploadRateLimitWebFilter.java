package dev.imgwire.sample.ratelimit;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.imgwire.sample.web.JsonErrorWriter;

/**
 * Applies {@link UploadTokenRateLimiter} to every endpoint that makes Imgwire create
 * something on the account with the Server Key, all drawing on the same per-user bucket:
 * upload tokens, server-side uploads, URL imports and download jobs. A user over the
 * limit gets 429 with {@code Retry-After} and a JSON error, before Imgwire is called.
 *
 * <p>
 * Runs after Spring Security's filter chain (which has a higher precedence), so anonymous
 * callers and requests without a CSRF token have been refused already and the principal
 * is known.
 *
 * @author Imgwire
 */
@Component
public final class UploadRateLimitWebFilter implements WebFilter {

	private static final ServerWebExchangeMatcher LIMITED = ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST,
			"/api/upload-tokens", "/api/images/upload", "/api/images/import", "/api/downloads");

	private final UploadTokenRateLimiter rateLimiter;

	private final JsonErrorWriter errorWriter;

	public UploadRateLimitWebFilter(UploadTokenRateLimiter rateLimiter, JsonErrorWriter errorWriter) {
		this.rateLimiter = rateLimiter;
		this.errorWriter = errorWriter;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return LIMITED.matches(exchange)
			.filter(ServerWebExchangeMatcher.MatchResult::isMatch)
			.flatMap((match) -> exchange.<Principal>getPrincipal())
			.map((principal) -> this.rateLimiter.tryAcquire(principal.getName()))
			.defaultIfEmpty(RateLimitDecision.allow())
			.flatMap((decision) -> decision.allowed() ? chain.filter(exchange) : tooManyRequests(exchange, decision));
	}

	private Mono<Void> tooManyRequests(ServerWebExchange exchange, RateLimitDecision decision) {
		long seconds = decision.retryAfterSeconds();
		return this.errorWriter.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
				"Too many uploads or downloads requested: try again in " + seconds + " s",
				(headers) -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
	}

}
