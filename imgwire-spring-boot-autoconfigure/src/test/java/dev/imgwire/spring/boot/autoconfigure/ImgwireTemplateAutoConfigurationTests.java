package dev.imgwire.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.ImgwireClient;
import dev.imgwire.client.ImgwireClientSettings;
import dev.imgwire.client.ImgwireCorsOriginsTemplate;
import dev.imgwire.client.ImgwireCustomDomainTemplate;
import dev.imgwire.client.ImgwireImagesTemplate;
import dev.imgwire.client.ImgwireMetricsTemplate;
import dev.imgwire.client.ImgwireTemplate;
import dev.imgwire.client.model.Image;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the blocking {@link ImgwireTemplate} beans of
 * {@link ImgwireAutoConfiguration}.
 *
 * @author Imgwire
 */
@Timeout(60)
class ImgwireTemplateAutoConfigurationTests {

	@RegisterExtension
	static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(HttpClientAutoConfiguration.class,
			ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
			ImgwireAutoConfiguration.class);

	@Nested
	class Beans {

		@Test
		void theTemplateWrapsTheRootClientAndEachResourceTemplateIsABeanDerivedFromIt() {
			emulator.runner().run((context) -> {
				ImgwireTemplate template = context.getBean(ImgwireTemplate.class);
				assertThat(template.reactive()).isSameAs(context.getBean(ImgwireClient.class));
				assertThat(context.getBean(ImgwireImagesTemplate.class)).isSameAs(template.images());
				assertThat(context.getBean(ImgwireCorsOriginsTemplate.class)).isSameAs(template.corsOrigins());
				assertThat(context.getBean(ImgwireCustomDomainTemplate.class)).isSameAs(template.customDomain());
				assertThat(context.getBean(ImgwireMetricsTemplate.class)).isSameAs(template.metrics());
			});
		}

		@Test
		void theImagesTemplateUploadsAndListsAgainstTheConfiguredApi() {
			emulator.runner().run((context) -> {
				ImgwireImagesTemplate images = context.getBean(ImgwireImagesTemplate.class);
				Image image = images.upload(TestImages.source(TestImages.png(3, 2)), TestImages.options("cat.png"));
				try (Stream<Image> all = images.listAll(10)) {
					assertThat(all.map(Image::id)).containsExactly(image.id());
				}
			});
		}

		@Test
		void aUserDefinedTemplateReplacesItAndTheResourceTemplatesComeFromIt() {
			emulator.runner().withUserConfiguration(UserTemplateConfiguration.class).run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ImgwireTemplate.class);
				ImgwireTemplate template = context.getBean(UserTemplateConfiguration.class).template;
				assertThat(context.getBean(ImgwireTemplate.class)).isSameAs(template);
				assertThat(context.getBean(ImgwireImagesTemplate.class)).isSameAs(template.images());
				assertThat(context.getBean(ImgwireMetricsTemplate.class)).isSameAs(template.metrics());
			});
		}

		@Test
		void aUserDefinedRootClientIsTheOneTheTemplateWraps() {
			ImgwireEmulatorExtension.contextRunner()
				.withUserConfiguration(ImgwireAutoConfigurationTests.UserRootClientConfiguration.class)
				.run((context) -> assertThat(context.getBean(ImgwireTemplate.class).reactive())
					.isSameAs(context.getBean(ImgwireAutoConfigurationTests.UserRootClientConfiguration.class).client));
		}

		@Test
		void noTemplateWhenImgwireIsDisabled() {
			emulator.runner()
				.withPropertyValues("imgwire.enabled=false")
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(ImgwireTemplate.class)
					.doesNotHaveBean(ImgwireImagesTemplate.class));
		}

	}

	@Nested
	class ApplicationTypes {

		@Test
		void aServletApplicationGetsTheTemplate() {
			new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
				.withPropertyValues(emulatorProperties())
				.run(this::assertTemplateWorks);
		}

		@Test
		void aReactiveApplicationGetsTheTemplate() {
			new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
				.withPropertyValues(emulatorProperties())
				.run(this::assertTemplateWorks);
		}

		@Test
		void aNonWebApplicationGetsTheTemplate() {
			emulator.runner().run(this::assertTemplateWorks);
		}

		private String[] emulatorProperties() {
			return new String[] { "imgwire.base-url=" + emulator.baseUrl(),
					"imgwire.server-key=" + emulator.serverKey() };
		}

		private void assertTemplateWorks(ApplicationContext context) {
			assertThat(context.getBeansOfType(ImgwireTemplate.class)).hasSize(1);
			try (Stream<Image> images = context.getBean(ImgwireImagesTemplate.class).listAll(10)) {
				assertThat(images.toList()).isEmpty();
			}
		}

	}

	@Nested
	class BlockTimeout {

		@Test
		void theBlockTimeoutPropertySetsTheLimit() {
			emulator.runner()
				.withPropertyValues("imgwire.block-timeout=5s")
				.run((context) -> assertThat(context.getBean(ImgwireTemplate.class).blockTimeout())
					.isEqualTo(Duration.ofSeconds(5)));
		}

		@Test
		void withoutThePropertyTheLimitIsTheLongestCallTheClientPropertiesAllow() {
			emulator.runner()
				.withPropertyValues("imgwire.retry.enabled=false", "imgwire.response-timeout=1s",
						"imgwire.upload-timeout=2s", "imgwire.upload.ready-timeout=3s")
				.run((context) -> assertThat(context.getBean(ImgwireTemplate.class).blockTimeout())
					.isEqualTo(Duration.ofSeconds(2 * 1 + 2 + 3)));
		}

		@Test
		void withDefaultPropertiesTheLimitIsThirtySevenMinutes() {
			emulator.runner()
				.run((context) -> assertThat(context.getBean(ImgwireTemplate.class).blockTimeout())
					.isEqualTo(Duration.ofMinutes(37)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTemplateConfiguration {

		final ImgwireTemplate template = new ImgwireTemplate(
				ImgwireClient.builder(WebClient.builder(), ImgwireClientSettings.of("http://127.0.0.1:1", "sk_user"))
					.build(),
				Duration.ofSeconds(1));

		@Bean
		ImgwireTemplate userImgwireTemplate() {
			return this.template;
		}

	}

}
