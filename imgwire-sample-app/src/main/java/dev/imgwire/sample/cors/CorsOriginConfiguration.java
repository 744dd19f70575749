package dev.imgwire.sample.cors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.imgwire.client.cors.ImgwireCorsOriginsClient;
import dev.imgwire.emulator.ImgwireEmulator;

/**
 * The CORS origin check. With the embedded emulator it always registers the app's
 * origins, through the same client call an app with real keys makes.
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
public final class CorsOriginConfiguration {

	@Bean
	CorsOriginCheck corsOriginCheck(ImgwireCorsOriginsClient corsOrigins, CorsOriginProperties properties,
			ObjectProvider<ImgwireEmulator> embeddedEmulator) {
		boolean register = properties.registerOrigin() || embeddedEmulator.getIfAvailable() != null;
		return new CorsOriginCheck(corsOrigins, properties.origins(), register);
	}

}
