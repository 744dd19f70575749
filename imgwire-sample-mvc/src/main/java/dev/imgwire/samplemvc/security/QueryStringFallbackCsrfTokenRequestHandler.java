package dev.imgwire.samplemvc.security;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Spring Security's default CSRF handling (the masked token in the form's {@code _csrf}
 * field), except when the form's fields cannot be read: a file over
 * {@code spring.servlet.multipart.max-file-size} makes Tomcat refuse to parse the whole
 * multipart body. The upload form therefore carries its token in its URL too, and this
 * handler reads it from there in that case only. The request then reaches Spring MVC,
 * which reports the size, and the user gets a message instead of a {@code 403}.
 *
 * @author Imgwire
 */
final class QueryStringFallbackCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler delegate = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		this.delegate.handle(request, response, csrfToken);
	}

	@Override
	public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		return this.delegate.resolveCsrfTokenValue(new HttpServletRequestWrapper(request) {

			@Override
			public @Nullable String getParameter(String name) {
				try {
					return super.getParameter(name);
				}
				catch (IllegalStateException ex) {
					// The body's parameters could not be parsed (Servlet 6.1).
					return queryParameter(request, name);
				}
			}

		}, csrfToken);
	}

	private static @Nullable String queryParameter(HttpServletRequest request, String name) {
		String query = request.getQueryString();
		if (query == null) {
			return null;
		}
		String value = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst(name);
		return (value != null) ? UriUtils.decode(value, StandardCharsets.UTF_8) : null;
	}

}
