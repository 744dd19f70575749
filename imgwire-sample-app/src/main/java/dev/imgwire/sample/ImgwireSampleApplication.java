package dev.imgwire.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import dev.imgwire.samples.support.emulator.EmbeddedEmulatorConfiguration;
import dev.imgwire.samples.support.security.DemoUserConfiguration;

/**
 * Sample WebFlux application that shows Imgwire's secure browser upload flow: the server
 * holds the Server Key and hands out single-use upload tokens, and the browser uploads
 * straight to Imgwire with the Client Key.
 *
 * <p>
 * Without a Server Key ({@code imgwire.server-key} or {@code IMGWIRE_API_KEY}) it starts
 * the Imgwire emulator in-process, so the sample runs on a fresh clone with no account.
 *
 * @author Imgwire
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
// Shared with the other sample (imgwire-samples-support): the embedded-emulator mode and
// the demo user.
@Import({ EmbeddedEmulatorConfiguration.class, DemoUserConfiguration.class })
public final class ImgwireSampleApplication {

	private ImgwireSampleApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.run(ImgwireSampleApplication.class, args);
	}

}
