package dev.imgwire.samplemvc.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /login}: the login form; Spring Security handles its {@code POST}.
 *
 * @author Imgwire
 */
@Controller
final class LoginController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
