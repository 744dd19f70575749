package dev.imgwire.samplemvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import dev.imgwire.samples.support.emulator.EmbeddedEmulatorConfiguration;
import dev.imgwire.samples.support.security.DemoUserConfiguration;

/**
 * Sample Spring MVC application on Tomcat: server-rendered pages that upload, list and
 * delete images with the blocking {@link dev.imgwire.client.ImgwireTemplate}. Requests
 * run on virtual threads (on Java 21 and later), so a controller that waits for Imgwire
 * holds no platform thread.
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
public final class ImgwireSampleMvcApplication {

	private ImgwireSampleMvcApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.run(ImgwireSampleMvcApplication.class, args);
	}

}
