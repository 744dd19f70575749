package dev.imgwire.spring.boot.autoconfigure.cdn;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.imgwire.client.cdn.ImageUrl;
import dev.imgwire.client.cdn.ImgwireVariants;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ImgwireVariantsAutoConfiguration}.
 *
 * @author Imgwire
 */
class ImgwireVariantsAutoConfigurationTests {

	private static final ImageUrl IMAGE = ImageUrl.of("https://cdn.imgwire.dev/org/env/image");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ImgwireVariantsAutoConfiguration.class));

	@Nested
	class Variants {

		@Test
		void eachConfiguredVariantBuildsItsUrlAndSrcsetWithoutAnyKey() {
			ImgwireVariantsAutoConfigurationTests.this.contextRunner
				.withPropertyValues("imgwire.variants.card.preset=medium",
						"imgwire.variants.card.parameters.format=jpeg", "imgwire.variants.card.parameters.q=80",
						"imgwire.variants.card.widths=320,640", "imgwire.variants.avatar.parameters.width=96",
						"imgwire.variants.avatar.parameters.height=96")
				.run((context) -> {
					ImgwireVariants variants = context.getBean(ImgwireVariants.class);
					assertThat(variants.names()).containsExactly("card", "avatar");
					assertThat(variants.variant("card").applyTo(IMAGE).toUriString())
						.isEqualTo("https://cdn.imgwire.dev/org/env/image@medium?format=jpg&quality=80");
					assertThat(variants.variant("card").srcset(IMAGE).value())
						.isEqualTo("https://cdn.imgwire.dev/org/env/image@medium?format=jpg&quality=80&width=320 320w, "
								+ "https://cdn.imgwire.dev/org/env/image@medium?format=jpg&quality=80&width=640 640w");
					assertThat(variants.variant("avatar").srcset(IMAGE).value()).contains(" 1x, ")
						.contains("dpr=2&height=96&width=96 2x");
				});
		}

		@Test
		void withoutVariantsTheBeanHasNone() {
			ImgwireVariantsAutoConfigurationTests.this.contextRunner
				.run((context) -> assertThat(context.getBean(ImgwireVariants.class).names()).isEmpty());
		}

		@Test
		void aUserDefinedBeanReplacesIt() {
			ImgwireVariants own = new ImgwireVariants(Map.of());
			ImgwireVariantsAutoConfigurationTests.this.contextRunner.withBean(ImgwireVariants.class, () -> own)
				.withPropertyValues("imgwire.variants.card.preset=bogus")
				.run((context) -> assertThat(context.getBean(ImgwireVariants.class)).isSameAs(own));
		}

		@Test
		void nothingIsConfiguredWhenImgwireIsDisabled() {
			ImgwireVariantsAutoConfigurationTests.this.contextRunner.withPropertyValues("imgwire.enabled=false")
				.run((context) -> assertThat(context).doesNotHaveBean(ImgwireVariants.class));
		}

	}

	@Nested
	class Validation {

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				value = { "imgwire.variants.card.parameters.width=0|imgwire.variants.card.parameters.width",
						"imgwire.variants.card.parameters.bogus=1|imgwire.variants.card.parameters.bogus",
						"imgwire.variants.card.parameters.quality=101|imgwire.variants.card.parameters.quality",
						"imgwire.variants.card.preset=huge|imgwire.variants.card.preset",
						"imgwire.variants.card.widths=640,320|imgwire.variants.card.widths" })
		void aBadValueFailsStartupNamingItsProperty(String property, String name) {
			ImgwireVariantsAutoConfigurationTests.this.contextRunner.withPropertyValues(property).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class);
				InvalidConfigurationPropertyValueException ex = (InvalidConfigurationPropertyValueException) rootCause(
						context.getStartupFailure());
				assertThat(ex.getName()).isEqualTo(name);
				assertThat(ex.getReason()).isNotBlank();
			});
		}

		@Test
		void twoAliasesOfOneParameterFailStartup() {
			ImgwireVariantsAutoConfigurationTests.this.contextRunner
				.withPropertyValues("imgwire.variants.card.parameters.w=100",
						"imgwire.variants.card.parameters.width=200")
				.run((context) -> assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("imgwire.variants.card"));
		}

		private static Throwable rootCause(Throwable failure) {
			Throwable current = failure;
			while (current.getCause() != null && current.getCause() != current) {
				current = current.getCause();
			}
			return current;
		}

	}

}
