package dev.imgwire.samplemvc.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.imgwire.emulator.ImgwireEmulator;

/**
 * Who may see what: everything but the login page, the style sheet and the error page
 * needs a form login. Every form that changes something (upload, delete, logout) carries
 * the session's CSRF token, which Thymeleaf adds to each {@code th:action} form; the
 * upload form's URL carries it too (see
 * {@link QueryStringFallbackCsrfTokenRequestHandler}). A strict Content-Security-Policy
 * goes with every answer.
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
public final class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ContentSecurityPolicy policy) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/login", "/css/**", "/error", "/favicon.ico")
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(new QueryStringFallbackCsrfTokenRequestHandler()))
			.formLogin((form) -> form.loginPage("/login"))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy.directives())))
			.build();
	}

	// Images come from the embedded emulator when there is one, else from the CDN.
	@Bean
	ContentSecurityPolicy contentSecurityPolicy(CdnOriginProperties cdn, ObjectProvider<ImgwireEmulator> emulator) {
		ImgwireEmulator embedded = emulator.getIfAvailable();
		return new ContentSecurityPolicy((embedded != null) ? embedded.baseUrl() : cdn.value());
	}

}
