package dev.imgwire.sample.security;

import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.security.web.server.header.CrossOriginOpenerPolicyServerHttpHeadersWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

import dev.imgwire.client.ImgwireClientSettings;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.web.JsonErrorWriter;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * Who may call what.
 *
 * <ul>
 * <li>The page, its API and the upload-token endpoint need a form login. Writes need a
 * CSRF token bound to the session: the server keeps it in the session, the page's script
 * asks {@code GET /api/csrf} for it and sends it in the {@code X-XSRF-TOKEN} header (or
 * the {@code _csrf} form field). A value chosen by someone else, in a cookie or taken
 * from another session, never passes, and the token is replaced at login and logout.</li>
 * <li>Every answer carries a strict {@link ContentSecurityPolicy}, allowing only this app
 * and the Imgwire origins the page talks to, besides Spring Security's usual headers
 * ({@code X-Content-Type-Options}, {@code X-Frame-Options}, {@code Cache-Control}) and a
 * {@code Referrer-Policy} and {@code Cross-Origin-Opener-Policy}.</li>
 * <li>Logins, by form or HTTP Basic, go through a {@link LoginThrottle}: after too many
 * failures for a user name, or from a client address, attempts are refused for a while
 * whatever the password.</li>
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
	ContentSecurityPolicy contentSecurityPolicy(ImgwireConnectionDetails connectionDetails,
			ObjectProvider<ImgwireEmulator> embeddedEmulator, ContentSecurityPolicyProperties properties) {
		// The base URL the client really uses, as the upload-token endpoint hands it out.
		String apiBaseUrl = new ImgwireClientSettings(connectionDetails.getBaseUrl(),
				Objects.requireNonNull(connectionDetails.getServerKey()), null, null)
			.baseUrl();
		if (embeddedEmulator.getIfAvailable() != null) {
			// The emulator serves the CDN and the presigned uploads on its own origin.
			return ContentSecurityPolicy.of(apiBaseUrl, List.of(apiBaseUrl), List.of());
		}
		return ContentSecurityPolicy.of(apiBaseUrl, properties.cdnOrigins(), properties.uploadOrigins());
	}

	@Bean
	LoginThrottle loginThrottle(LoginThrottleProperties properties) {
		return new LoginThrottle(properties);
	}

	// Spring Security's password check, behind the throttle. Being a bean, it is also
	// what any other chain would use.
	@Bean
	ReactiveAuthenticationManager authenticationManager(ReactiveUserDetailsService users,
			PasswordEncoder passwordEncoder, LoginThrottle loginThrottle) {
		UserDetailsRepositoryReactiveAuthenticationManager passwords = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationManager(passwords, loginThrottle);
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain actuatorSecurityWebFilterChain(ServerHttpSecurity http, JsonErrorWriter errorWriter,
			ContentSecurityPolicy contentSecurityPolicy, ReactiveAuthenticationManager authenticationManager) {
		HttpBasicServerAuthenticationEntryPoint challenge = new HttpBasicServerAuthenticationEntryPoint();
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.headers(headers(contentSecurityPolicy))
			.authorizeExchange((exchanges) -> exchanges.matchers(EndpointRequest.to("health"))
				.permitAll()
				.anyExchange()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(challenge)
				.authenticationManager(authenticationManager)
				.authenticationFailureHandler(basicAuthenticationFailure(challenge, errorWriter)))
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			// No actuator endpoint takes writes; a GET never loads the token, so a scrape
			// opens no session.
			.csrf(sessionCsrf(errorWriter))
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain applicationSecurityWebFilterChain(ServerHttpSecurity http, JsonErrorWriter errorWriter,
			ContentSecurityPolicy contentSecurityPolicy, ReactiveAuthenticationManager authenticationManager) {
		PathPatternParserServerWebExchangeMatcher api = new PathPatternParserServerWebExchangeMatcher("/api/**");
		DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
				new DelegatingServerAuthenticationEntryPoint.DelegateEntry(api,
						new ApiAuthenticationEntryPoint(errorWriter)));
		entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/login"));
		ServerCsrfTokenRepository csrfTokens = csrfTokenRepository();
		ServerAuthenticationSuccessHandler loginSucceeded = new DelegatingServerAuthenticationSuccessHandler(
				// A new token at login: one learnt before (by whoever set up the session)
				// is worthless after. The next GET /api/csrf makes the new one.
				(webFilterExchange, authentication) -> csrfTokens.saveToken(webFilterExchange.getExchange(), null),
				new RedirectServerAuthenticationSuccessHandler("/"));
		return http
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/login", "/css/**", "/js/login.js", "/js/csrf.js", "/favicon.svg", "/favicon.ico",
						"/api/csrf")
				.permitAll()
				.anyExchange()
				.authenticated())
			.headers(headers(contentSecurityPolicy))
			.csrf(sessionCsrf(errorWriter, csrfTokens))
			.formLogin((form) -> form.loginPage("/login")
				.authenticationManager(authenticationManager)
				.authenticationSuccessHandler(loginSucceeded)
				.authenticationFailureHandler(new LoginFailureHandler()))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.logout((logout) -> logout.logoutUrl("/logout"))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ApiAccessDeniedHandler(errorWriter)))
			.build();
	}

	// Wrong credentials get the usual challenge; a throttled user name or address gets
	// 429 with Retry-After, which a scraper can act on.
	private static ServerAuthenticationFailureHandler basicAuthenticationFailure(
			HttpBasicServerAuthenticationEntryPoint challenge, JsonErrorWriter errorWriter) {
		ServerAuthenticationFailureHandler wrongCredentials = new ServerAuthenticationEntryPointFailureHandler(
				challenge);
		return (webFilterExchange, failure) -> {
			if (failure instanceof LoginThrottledException throttled) {
				return errorWriter.write(webFilterExchange.getExchange(), HttpStatus.TOO_MANY_REQUESTS,
						lockedMessage(throttled), (headers) -> headers.set(HttpHeaders.RETRY_AFTER,
								Long.toString(throttled.retryAfterSeconds())));
			}
			return wrongCredentials.onAuthenticationFailure(webFilterExchange, failure);
		};
	}

	// The login page words it the same way from /login?locked=<minutes>.
	private static String lockedMessage(LoginThrottledException throttled) {
		long minutes = throttled.retryAfterMinutes();
		return "Too many failed sign-in attempts. Try again in " + minutes + " minute" + ((minutes == 1) ? "" : "s")
				+ ".";
	}

	// Spring Security's defaults stay on (X-Content-Type-Options: nosniff,
	// X-Frame-Options: DENY, Cache-Control: no-store, HSTS over HTTPS); the policy
	// and two more headers are added.
	private static Customizer<ServerHttpSecurity.HeaderSpec> headers(ContentSecurityPolicy contentSecurityPolicy) {
		return (headers) -> headers
			.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy.directives()))
			// The CDN learns which site shows its images, never which page.
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.crossOriginOpenerPolicy((opener) -> opener.policy(CrossOriginOpenerPolicy.SAME_ORIGIN));
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
