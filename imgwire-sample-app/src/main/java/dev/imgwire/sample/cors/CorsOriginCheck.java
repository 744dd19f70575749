package dev.imgwire.sample.cors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import dev.imgwire.client.cors.CorsOrigin;
import dev.imgwire.client.cors.ImgwireCorsOriginsClient;

/**
 * Once the server listens, checks that the origins browsers load this app from are among
 * the environment's CORS origins, without which Imgwire refuses the browser's uploads. A
 * missing origin is added when registration is on, and otherwise logged with what to do.
 * A failed check is logged and never stops the app.
 *
 * @author Imgwire
 */
public final class CorsOriginCheck implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(CorsOriginCheck.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final ImgwireCorsOriginsClient corsOrigins;

	private final List<String> configuredOrigins;

	private final boolean register;

	/**
	 * Create a check.
	 * @param corsOrigins the CORS origins client
	 * @param configuredOrigins the app's origins, or empty for the local ones
	 * @param register whether to add missing origins
	 */
	public CorsOriginCheck(ImgwireCorsOriginsClient corsOrigins, List<String> configuredOrigins, boolean register) {
		this.corsOrigins = corsOrigins;
		this.configuredOrigins = List.copyOf(configuredOrigins);
		this.register = register;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getParent() != null) {
			// The management server, when it has a port of its own, serves no pages.
			return;
		}
		List<String> origins = origins(event.getWebServer().getPort());
		try {
			Set<String> allowed = this.corsOrigins.listAll(100)
				.map(CorsOrigin::pattern)
				.map(CorsOriginCheck::normalize)
				.collect(Collectors.toSet())
				.block(TIMEOUT);
			for (String origin : origins) {
				if (allowed != null && allowed.contains(normalize(origin))) {
					continue;
				}
				if (this.register) {
					this.corsOrigins.create(origin).block(TIMEOUT);
					logger.info("Added " + origin + " to the Imgwire environment's CORS origins");
				}
				else {
					logger.warn("Imgwire will refuse browser uploads from " + origin
							+ ": it is not among the environment's CORS origins. Add it in the Imgwire dashboard, "
							+ "or start the app once with sample.cors.register-origin=true");
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check the Imgwire environment's CORS origins (" + ex.getMessage()
					+ "); browser uploads may be refused");
		}
	}

	private List<String> origins(int port) {
		if (!this.configuredOrigins.isEmpty()) {
			return this.configuredOrigins;
		}
		List<String> local = new ArrayList<>();
		local.add("http://localhost:" + port);
		local.add("http://127.0.0.1:" + port);
		return local;
	}

	private static String normalize(String origin) {
		String value = origin.strip().toLowerCase(Locale.ROOT);
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

}
