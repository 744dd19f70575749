package dev.imgwire.emulator.routes.http;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Result of routing: a route, or why there is none.
 *
 * @param route the matched route, or {@code null}
 * @param variables path variables of the matched route
 * @param allowedMethods methods served at the path when the method did not match
 * @param redirectPath the path with its trailing slash toggled, when only that matches
 * @author imgwire
 */
record RouteMatch(@Nullable Route route, Map<String, String> variables, Set<String> allowedMethods,
		@Nullable String redirectPath) {

	static RouteMatch found(Route route, Map<String, String> variables) {
		return new RouteMatch(route, variables, Set.of(), null);
	}

	static RouteMatch methodNotAllowed(Set<String> allowedMethods) {
		return new RouteMatch(null, Map.of(), allowedMethods, null);
	}

	static RouteMatch redirect(String path) {
		return new RouteMatch(null, Map.of(), Set.of(), path);
	}

	static RouteMatch notFound() {
		return new RouteMatch(null, Map.of(), Set.of(), null);
	}

}
