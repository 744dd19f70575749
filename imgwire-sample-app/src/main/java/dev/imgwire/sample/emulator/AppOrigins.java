package dev.imgwire.sample.emulator;

import java.util.List;

import org.springframework.core.env.Environment;

/**
 * The browser origins the sample's page is served from, which the emulator must accept in
 * its CORS checks.
 *
 * @author Imgwire
 */
final class AppOrigins {

	private static final int DEFAULT_PORT = 8080;

	private AppOrigins() {
	}

	/**
	 * The page's origins for the configured {@code server.port}.
	 *
	 * <p>
	 * With {@code server.port=0} (a random port, as in tests) the port is chosen only when
	 * the server starts, after the emulator and the client that depends on it exist. The
	 * list is then empty, which the emulator treats as "any origin", like an Imgwire
	 * environment without CORS origins. Signed uploads (a single-use token from a logged-in
	 * session) still guard upload creation.
	 * @param environment the application environment
	 * @return {@code http://localhost:<port>} and {@code http://127.0.0.1:<port>}, or an
	 * empty list for a random port
	 */
	static List<String> of(Environment environment) {
		int port = environment.getProperty("server.port", Integer.class, DEFAULT_PORT);
		if (port <= 0) {
			return List.of();
		}
		return List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
	}

}
