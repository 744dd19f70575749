package dev.imgwire.sample.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the login page at {@code /login}, the path Spring Security redirects to and
 * posts the form to. The page itself is static HTML; the upload page is served as the
 * welcome page ({@code static/index.html}).
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
public final class LoginPageRouter {

	@Bean
	RouterFunction<ServerResponse> loginPageRoute() {
		Resource page = new ClassPathResource("static/login.html");
		return RouterFunctions.route()
			.GET("/login", (request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
			.build();
	}

}
