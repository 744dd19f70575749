package dev.imgwire.samplemvc;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.samplemvc.security.ContentSecurityPolicy;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;
import dev.imgwire.spring.boot.autoconfigure.PropertiesImgwireConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a Server Key the sample starts no emulator, talks to the configured API, and lets
 * images come from the configured CDN origin only.
 *
 * @author Imgwire
 */
@SpringBootTest(properties = { "imgwire.server-key=sk_test_configured", "imgwire.base-url=https://api.example.com",
		"sample.cdn.origin=https://images.example.com/ignored/path" })
class ConfiguredApiModeTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void startsNoEmulatorAndUsesTheConfiguredApi() {
		assertThat(this.context.getBeanNamesForType(ImgwireEmulator.class)).isEmpty();
		ImgwireConnectionDetails details = this.context.getBean(ImgwireConnectionDetails.class);
		assertThat(details).isInstanceOf(PropertiesImgwireConnectionDetails.class);
		assertThat(details.getBaseUrl()).isEqualTo("https://api.example.com");
	}

	@Test
	void contentSecurityPolicyLetsImagesComeFromTheConfiguredCdnOrigin() {
		assertThat(this.context.getBean(ContentSecurityPolicy.class).directives())
			.contains("img-src 'self' https://images.example.com;")
			.doesNotContain("ignored");
	}

}
