package dev.imgwire.sample.security;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

/**
 * Sends a failed form login back to the login page: {@code /login?error} for wrong
 * credentials, {@code /login?locked=<minutes>} (with {@code Retry-After}) when attempts
 * are refused for a while, so that the page can say which.
 *
 * @author Imgwire
 */
final class LoginFailureHandler implements ServerAuthenticationFailureHandler {

	private final ServerAuthenticationFailureHandler wrongCredentials = new RedirectServerAuthenticationFailureHandler(
			"/login?error");

	private final ServerRedirectStrategy redirectStrategy = new DefaultServerRedirectStrategy();

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException exception) {
		if (exception instanceof LoginThrottledException throttled) {
			webFilterExchange.getExchange()
				.getResponse()
				.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
			return this.redirectStrategy.sendRedirect(webFilterExchange.getExchange(),
					URI.create("/login?locked=" + throttled.retryAfterMinutes()));
		}
		return this.wrongCredentials.onAuthenticationFailure(webFilterExchange, exception);
	}

}
