package dev.imgwire.spring.boot.autoconfigure.reliability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.spring.boot.autoconfigure.ImgwireAutoConfiguration;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;
import dev.imgwire.spring.boot.autoconfigure.ImgwireEmulatorExtension;
import dev.imgwire.spring.boot.autoconfigure.InsecureImgwireBaseUrlException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@code http://} base URL to a host that is not loopback is refused at startup,
 * wherever it comes from, unless {@code imgwire.allow-insecure-http=true}. Only contexts
 * are started: no request is made to any of these addresses. The cases of
 * {@link ImgwireAutoConfiguration}'s base URL check are all here; its failure analysis is
 * tested with the auto-configuration.
 *
 * @author Imgwire
 */
class InsecureBaseUrlTests {

	private final ApplicationContextRunner contextRunner = ImgwireEmulatorExtension.contextRunner()
		.withPropertyValues("imgwire.server-key=sk_test_insecure");

	@ParameterizedTest
	@ValueSource(strings = { "http://api.imgwire.dev", "HTTP://api.imgwire.dev", "Http://api.imgwire.dev:80/",
			"http://127.0.0.1@api.imgwire.example/", "http://localhost@api.imgwire.example",
			"http://127.0.0.1.nip.example", "http://0.0.0.0:8080", "http://10.0.0.1", "http://192.168.1.10:8089",
			"http://[::ffff:127.0.0.1]:8080", "http://[fe80::1]", "http://localhost.example:8080",
			"http://api.imgwire.example", "http://127.0.0.1.example", "http://128.0.0.1", "http://localhost.example",
			"http://[::2]" })
	void plainHttpToAHostThatIsNotLoopbackIsRefused(String baseUrl) {
		this.contextRunner.withPropertyValues("imgwire.base-url=" + baseUrl)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InsecureImgwireBaseUrlException.class)
				.hasMessageContaining("imgwire.allow-insecure-http"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://api.imgwire.dev", "http://10.0.0.1:8089", "http://api.imgwire.example" })
	void plainHttpToAHostThatIsNotLoopbackIsAllowedWhenAllowed(String baseUrl) {
		this.contextRunner.withPropertyValues("imgwire.base-url=" + baseUrl, "imgwire.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ImgwireImagesClient.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://api.imgwire.dev", "HTTPS://api.imgwire.dev", "https://10.0.0.1:8443",
			"http://localhost:8080", "http://LOCALHOST:8080", "HTTP://localhost:8080", "http://127.0.0.1:8080",
			"http://127.255.255.254", "http://[::1]:8080", "http://127.0.0.1:1", "http://127.10.0.3" })
	void httpsAndLoopbackAreAllowed(String baseUrl) {
		this.contextRunner.withPropertyValues("imgwire.base-url=" + baseUrl)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ImgwireImagesClient.class));
	}

	@Test
	void theUserInfoOfARefusedBaseUrlIsNotPrinted() {
		this.contextRunner.withPropertyValues("imgwire.base-url=http://user:secret@api.imgwire.example/")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InsecureImgwireBaseUrlException.class)
				.message()
				.doesNotContain("secret"));
	}

	@Test
	void anExplicitFalseRefusesToo() {
		this.contextRunner
			.withPropertyValues("imgwire.base-url=http://api.imgwire.dev", "imgwire.allow-insecure-http=false")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InsecureImgwireBaseUrlException.class));
	}

	@Test
	void connectionDetailsOfTheApplicationAreCheckedToo() {
		this.contextRunner.withBean(ImgwireConnectionDetails.class, () -> new InsecureConnectionDetails())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InsecureImgwireBaseUrlException.class)
				.message()
				.doesNotContain("sk_from_details"));
	}

	@Test
	void connectionDetailsOfTheApplicationAreAllowedWhenAllowed() {
		this.contextRunner.withBean(ImgwireConnectionDetails.class, () -> new InsecureConnectionDetails())
			.withPropertyValues("imgwire.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ImgwireImagesClient.class));
	}

	private static final class InsecureConnectionDetails implements ImgwireConnectionDetails {

		@Override
		public String getBaseUrl() {
			return "http://imgwire.internal.example:8080";
		}

		@Override
		public String getServerKey() {
			return "sk_from_details";
		}

	}

}
