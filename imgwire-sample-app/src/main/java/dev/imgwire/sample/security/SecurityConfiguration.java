package dev.imgwire.sample.security;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

import dev.imgwire.sample.web.JsonErrorWriter;

/**
 * Who may call what.
 *
 * <ul>
 * <li>The page, its API and the upload-token endpoint need a form login. Writes need a
 * CSRF token bound to the session: the server keeps it in the session, the page's script
 * asks {@code GET /api/csrf} for it and sends it in the {@code X-XSRF-TOKEN} header (or
 * the {@code _csrf} form field). A value chosen by someone else, in a cookie or taken
 * from another session, never passes, and the token is replaced at login and logout.</li>
 * <li>Actuator: only {@code health} is public, because load balancers probe it without
 * credentials; {@code metrics}, {@code prometheus} and {@code info} need a login (session
 * or HTTP Basic, so a Prometheus scraper can authenticate).</li>
 * </ul>
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public final class SecurityConfiguration {

	/** The request header that carries the CSRF token. */
	public static final String CSRF_HEADER = "X-XSRF-TOKEN";

	@Bean
	@Order(1)
	SecurityWebFilterChain actuatorSecurityWebFilterChain(ServerHttpSecurity http, JsonErrorWriter errorWriter) {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeExchange((exchanges) -> exchanges.matchers(EndpointRequest.to("health"))
				.permitAll()
				.anyExchange()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(new HttpBasicServerAuthenticationEntryPoint()))
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			// No actuator endpoint takes writes; a GET never loads the token, so a scrape
			// opens no session.
			.csrf(sessionCsrf(errorWriter))
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain applicationSecurityWebFilterChain(ServerHttpSecurity http, JsonErrorWriter errorWriter) {
		PathPatternParserServerWebExchangeMatcher api = new PathPatternParserServerWebExchangeMatcher("/api/**");
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				new DelegatingServerAuthenticationEntryPoint.DelegateEntry(api, new ApiAuthenticationEntryPoint(errorWriter)));
		entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/login"));
		ServerCsrfTokenRepository csrfTokens = csrfTokenRepository();
		ServerAuthenticationSuccessHandler loginSucceeded = new DelegatingServerAuthenticationSuccessHandler(
				// A new token at login: one learnt before (by whoever set up the session)
				// is worthless after. The next GET /api/csrf makes the new one.
				(webFilterExchange, authentication) -> csrfTokens.saveToken(webFilterExchange.getExchange(), null),
				new RedirectServerAuthenticationSuccessHandler("/"));
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/login", "/css/**", "/js/login.js", "/js/csrf.js", "/favicon.ico", "/api/csrf")
				.permitAll()
				.anyExchange()
				.authenticated())
			.csrf(sessionCsrf(errorWriter, csrfTokens))
			.formLogin((form) -> form.loginPage("/login").authenticationSuccessHandler(loginSucceeded))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.logout((logout) -> logout.logoutUrl("/logout"))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ApiAccessDeniedHandler(errorWriter)))
			.build();
	}

	private static Customizer<ServerHttpSecurity.CsrfSpec> sessionCsrf(JsonErrorWriter errorWriter) {
		return sessionCsrf(errorWriter, csrfTokenRepository());
	}

	// Spring Security's default request handler masks the token anew in every answer
	// (BREACH) and unmasks what comes back. Its logout handler removes the token.
	private static Customizer<ServerHttpSecurity.CsrfSpec> sessionCsrf(JsonErrorWriter errorWriter,
			ServerCsrfTokenRepository csrfTokens) {
		return (csrf) -> csrf.csrfTokenRepository(csrfTokens)
			.accessDeniedHandler(new ApiAccessDeniedHandler(errorWriter));
	}

	// The token is kept in the WebSession. The header keeps the name the page's script
	// and API clients have always used.
	private static ServerCsrfTokenRepository csrfTokenRepository() {
		WebSessionServerCsrfTokenRepository repository = new WebSessionServerCsrfTokenRepository();
		repository.setHeaderName(CSRF_HEADER);
		return repository;
	}

}
