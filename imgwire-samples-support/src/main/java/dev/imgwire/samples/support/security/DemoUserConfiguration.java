package dev.imgwire.samples.support.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.util.StringUtils;

/**
 * The {@code demo} user. Its password comes from {@code sample.security.password}, or is
 * generated and printed once, so that no fixed password ever protects a running sample.
 * The user is kept where the web stack looks for it: a reactive user details service in a
 * WebFlux app, a servlet one in a Spring MVC app.
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoUserProperties.class)
public final class DemoUserConfiguration {

	/** The user name the README tells people to log in with. */
	public static final String USERNAME = "demo";

	private static final Log logger = LogFactory.getLog(DemoUserConfiguration.class);

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	static UserDetails demoUser(DemoUserProperties properties, PasswordEncoder passwordEncoder) {
		String password = properties.password();
		if (!StringUtils.hasText(password)) {
			password = generatePassword();
			logger.info("Log in as '" + USERNAME + "' with the generated password " + password
					+ " (set sample.security.password to choose your own)");
		}
		return User.withUsername(USERNAME).password(passwordEncoder.encode(password)).roles("USER").build();
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveDemoUser {

		@Bean
		MapReactiveUserDetailsService userDetailsService(DemoUserProperties properties,
				PasswordEncoder passwordEncoder) {
			return new MapReactiveUserDetailsService(demoUser(properties, passwordEncoder));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletDemoUser {

		@Bean
		InMemoryUserDetailsManager userDetailsService(DemoUserProperties properties, PasswordEncoder passwordEncoder) {
			return new InMemoryUserDetailsManager(demoUser(properties, passwordEncoder));
		}

	}

}
