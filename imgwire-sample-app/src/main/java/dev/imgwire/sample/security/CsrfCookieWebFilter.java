package dev.imgwire.sample.security;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes sure every response carries the {@code XSRF-TOKEN} cookie. Spring Security
 * creates the token lazily, only when something subscribes to it; the page's JavaScript
 * reads the cookie before its first write, so the token must exist before that.
 *
 * <p>
 * Runs after Spring Security's filter chain (which has a higher precedence), where the
 * token attribute has been set.
 *
 * @author Imgwire
 */
@Component
public final class CsrfCookieWebFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return chain.filter(exchange);
		}
		return token.then(chain.filter(exchange));
	}

}
