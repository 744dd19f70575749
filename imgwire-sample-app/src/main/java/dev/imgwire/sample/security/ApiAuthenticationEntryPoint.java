package dev.imgwire.sample.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

import dev.imgwire.sample.web.JsonErrorWriter;

/**
 * Answers anonymous calls to {@code /api/**} with 401 and a JSON error. A redirect to the
 * login page would be followed silently by {@code fetch}, and a {@code WWW-Authenticate:
 * Basic} challenge would pop up the browser's own login dialog.
 *
 * @author Imgwire
 */
final class ApiAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final JsonErrorWriter errorWriter;

	ApiAuthenticationEntryPoint(JsonErrorWriter errorWriter) {
		this.errorWriter = errorWriter;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		return this.errorWriter.write(exchange, HttpStatus.UNAUTHORIZED,
				"You are not logged in, or your session has expired: log in again");
	}

}
