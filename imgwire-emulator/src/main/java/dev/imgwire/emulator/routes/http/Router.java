package dev.imgwire.emulator.routes.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.netty.handler.codec.http.HttpMethod;

/**
 * Routes requests the way Starlette does for the FastAPI backend: routes are tried in
 * declaration order, a path served only with other methods is a 405, and a path that
 * matches only with its trailing slash toggled is redirected with a 307.
 *
 * @author imgwire
 */
final class Router {

	private final List<Route> routes;

	Router(List<Route> routes) {
		this.routes = List.copyOf(routes);
	}

	RouteMatch match(HttpMethod method, String path) {
		Set<String> allowed = methodsAt(path);
		for (Route route : this.routes) {
			if (route.method().equals(method)) {
				Optional<Map<String, String>> variables = route.path().match(path);
				if (variables.isPresent()) {
					return RouteMatch.found(route, variables.get());
				}
			}
		}
		if (!allowed.isEmpty()) {
			return RouteMatch.methodNotAllowed(allowed);
		}
		String toggled = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
		if (!toggled.isEmpty() && !methodsAt(toggled).isEmpty()) {
			return RouteMatch.redirect(toggled);
		}
		return RouteMatch.notFound();
	}

	Set<String> methodsAt(String path) {
		Set<String> methods = new LinkedHashSet<>();
		for (Route route : this.routes) {
			if (route.path().match(path).isPresent()) {
				methods.add(route.method().name());
			}
		}
		return methods;
	}

}
