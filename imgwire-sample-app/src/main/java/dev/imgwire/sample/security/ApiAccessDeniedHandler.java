package dev.imgwire.sample.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;

import dev.imgwire.sample.web.JsonErrorWriter;

/**
 * Answers refused requests with 403 and a JSON error that tells a missing CSRF token
 * apart from other refusals, so the page can show the user what to do.
 *
 * @author Imgwire
 */
final class ApiAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final JsonErrorWriter errorWriter;

	ApiAccessDeniedHandler(JsonErrorWriter errorWriter) {
		this.errorWriter = errorWriter;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		String message = (denied instanceof CsrfException)
				? "Missing or invalid CSRF token: reload the page to get a new one (scripts get it from GET /api/csrf and send it in the X-XSRF-TOKEN header)"
				: "You are not allowed to do this";
		return this.errorWriter.write(exchange, HttpStatus.FORBIDDEN, message);
	}

}
