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
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

import dev.imgwire.sample.web.JsonErrorWriter;

/**
 * Who may call what.
 *
 * <ul>
 * <li>The page, its API and the upload-token endpoint need a form login. Writes need a
 * CSRF token: it lives in the {@code XSRF-TOKEN} cookie, readable by the page's script,
 * which echoes it in the {@code X-XSRF-TOKEN} header (the double-submit pattern suits a
 * script-driven page with no server-side templates).</li>
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
			// The same cookie-held token as the page: a scrape must not open a session.
			.csrf(cookieCsrf(errorWriter))
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
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/login", "/css/**", "/js/login.js", "/js/csrf.js", "/favicon.ico")
				.permitAll()
				.anyExchange()
				.authenticated())
			.csrf(cookieCsrf(errorWriter))
			.formLogin((form) -> form.loginPage("/login"))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.logout((logout) -> logout.logoutUrl("/logout"))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ApiAccessDeniedHandler(errorWriter)))
			.build();
	}

	// The token lives in the XSRF-TOKEN cookie, readable by the page's script, and comes
	// back in the X-XSRF-TOKEN header. The plain request handler (not the default
	// XOR-masking one) because the script sends back the cookie's value as it is.
	private static Customizer<ServerHttpSecurity.CsrfSpec> cookieCsrf(JsonErrorWriter errorWriter) {
		return (csrf) -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
			.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
			.accessDeniedHandler(new ApiAccessDeniedHandler(errorWriter));
	}

}
