package dev.imgwire.sample.security;

import reactor.core.publisher.Mono;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code GET /api/csrf}: the CSRF token of the caller's session, for the page's script,
 * which sends it back in the header named here on every write (and in the form field
 * named here when it posts a form). The token lives in the session on the server, so a
 * value planted in a cookie or taken from another session never passes; only a page of
 * this origin can read the answer.
 *
 * <p>
 * Each answer is masked afresh (Spring Security's BREACH protection), so two answers
 * differ even for one token; every one of them is accepted until the token changes at
 * login or logout.
 *
 * @author Imgwire
 */
@RestController
final class CsrfTokenController {

	@GetMapping("/api/csrf")
	Mono<CsrfTokenResponse> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono
				.error(new IllegalStateException("CSRF protection is off for " + exchange.getRequest().getPath()));
		}
		return token.map(CsrfTokenResponse::of);
	}

	/**
	 * The token and where to send it.
	 *
	 * @param token the (masked) token value
	 * @param headerName the request header to send it in
	 * @param parameterName the form field to send it in
	 */
	record CsrfTokenResponse(String token, String headerName, String parameterName) {

		static CsrfTokenResponse of(CsrfToken token) {
			return new CsrfTokenResponse(token.getToken(), token.getHeaderName(), token.getParameterName());
		}

		@Override
		public String toString() {
			return "CsrfTokenResponse[headerName=" + this.headerName + ", parameterName=" + this.parameterName
					+ ", token=<redacted>]";
		}

	}

}
