package dev.imgwire.samples.support.emulator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * Embedded mode: with no Server Key configured, a sample starts the Imgwire emulator
 * in-process on a free loopback port and points the client at it, so that
 * {@code spring-boot:run} works on a fresh clone. With a Server Key, none of this exists
 * and the sample talks to the configured Imgwire API.
 *
 * <p>
 * A sample imports it; its {@link EmbeddedEmulatorCustomizer} beans add what only that
 * sample needs.
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoServerKeyCondition.class)
@EnableConfigurationProperties(EmbeddedEmulatorProperties.class)
public final class EmbeddedEmulatorConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedEmulatorConfiguration.class);

	@Bean(destroyMethod = "close")
	ImgwireEmulator imgwireEmulator(EmbeddedEmulatorProperties properties,
			ObjectProvider<EmbeddedEmulatorCustomizer> customizers) {
		ImgwireEmulator.Builder builder = ImgwireEmulator.builder()
			.processingDelay(properties.processingDelay())
			.allowLoopbackUrls(properties.allowLoopbackUrls());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		ImgwireEmulator emulator = builder.start();
		// One line, with the URL and never a key.
		logger.info("No Imgwire Server Key configured (" + NoServerKeyCondition.SERVER_KEY_PROPERTY + " or "
				+ NoServerKeyCondition.API_KEY_VARIABLE + "): using the embedded Imgwire emulator at "
				+ emulator.baseUrl());
		return emulator;
	}

	// Defined here, the auto-configured connection details (read from imgwire.*) back
	// off.
	@Bean
	ImgwireConnectionDetails imgwireConnectionDetails(ImgwireEmulator imgwireEmulator) {
		return new EmbeddedEmulatorConnectionDetails(imgwireEmulator);
	}

}
