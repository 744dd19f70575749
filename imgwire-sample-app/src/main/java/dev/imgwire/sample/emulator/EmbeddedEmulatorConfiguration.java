package dev.imgwire.sample.emulator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * Embedded mode: with no Server Key configured, the sample starts the Imgwire emulator
 * in-process on a free loopback port and points the client at it, so that
 * {@code spring-boot:run} works on a fresh clone. With a Server Key, none of this exists
 * and the sample talks to the configured Imgwire API.
 *
 * <p>
 * The emulator behaves like a production environment set up for browser uploads: Client
 * Keys need an upload token, the page's origins are registered as CORS origins, and
 * processing takes a moment so the page's polling shows.
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoServerKeyCondition.class)
public final class EmbeddedEmulatorConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedEmulatorConfiguration.class);

	@Bean(destroyMethod = "close")
	ImgwireEmulator imgwireEmulator(EmbeddedEmulatorProperties properties) {
		// The app's origins are registered once it listens, through the CORS origins
		// client (see CorsOriginCheck), as with real keys.
		ImgwireEmulator emulator = ImgwireEmulator.builder()
			.processingDelay(properties.processingDelay())
			.requireSignedUploads(true)
			.start();
		// One line, with the URL and never a key: the keys reach the browser only through
		// the upload-token endpoint.
		logger.info("No Imgwire Server Key configured (" + NoServerKeyCondition.SERVER_KEY_PROPERTY + " or "
				+ NoServerKeyCondition.API_KEY_VARIABLE + "): "
				+ "using the embedded Imgwire emulator at " + emulator.baseUrl());
		return emulator;
	}

	@Bean
	ImgwireConnectionDetails imgwireConnectionDetails(ImgwireEmulator imgwireEmulator) {
		return new EmbeddedEmulatorConnectionDetails(imgwireEmulator);
	}

}
