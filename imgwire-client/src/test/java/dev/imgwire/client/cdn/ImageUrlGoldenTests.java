package dev.imgwire.client.cdn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The example URLs of the official SDKs' tests and of the transformations guide, input
 * for input: the same names (aliases included), the same values, the same URL.
 */
class ImageUrlGoldenTests {

	static final String EXAMPLE = "https://cdn.imgwire.dev/example";

	@Nested
	class OfficialSdkExamples {

		static Stream<Example> examples() {
			return Stream.of(new Example("preset with aliases", EXAMPLE, "thumbnail",
					params("bg", "#ffffff", "h", 150, "rot", 90, "w", 150),
					"https://cdn.imgwire.dev/example@thumbnail?background=ffffff&height=150&rotate=90&width=150"),
					new Example("booleans", EXAMPLE, null, params("enlarge", false, "strip_metadata", true),
							"https://cdn.imgwire.dev/example?enlarge=false&strip_metadata=true"),
					new Example("encoding", EXAMPLE, null,
							params("chroma_subsampling", "4:4:4", "progressive", "auto", "quality", "auto"),
							"https://cdn.imgwire.dev/example?chroma_subsampling=4%3A4%3A4&progressive=auto&quality=auto"),
					new Example("resize", EXAMPLE, null, params("w", 800, "h", 600, "resizing_type", "cover"),
							"https://cdn.imgwire.dev/example?height=600&resizing_type=cover&width=800"),
					new Example("explicit jpg", EXAMPLE, null, params("width", 1200, "format", "jpg", "q", 85),
							"https://cdn.imgwire.dev/example?format=jpg&quality=85&width=1200"),
					new Example("crop with shorthand gravity", EXAMPLE, null, params("crop", "400:300:noea"),
							"https://cdn.imgwire.dev/example?crop=400%3A300%3Anortheast"),
					new Example("watermark from a URL", EXAMPLE, null,
							params("watermark_url", "https://example.com/logo.png", "watermark_position",
									"southeast:-24:-24:0.85", "format", "webp"),
							"https://cdn.imgwire.dev/example?format=webp&watermark_position=southeast%3A-24%3A-24%3A0.85"
									+ "&watermark_url=aHR0cHM6Ly9leGFtcGxlLmNvbS9sb2dvLnBuZw%3D%3D"),
					new Example("preset with auto format and quality", "https://cdn.imgwire.dev/org/env/image",
							"medium", params("format", "auto", "quality", "auto"),
							"https://cdn.imgwire.dev/org/env/image@medium?format=auto&quality=auto"));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("examples")
		void givesTheSameUrlAsTheOfficialSdks(Example example) {
			assertThat(example.build()).isEqualTo(example.expected());
		}

		@Test
		void rejectsEachValueThatTheOfficialSdksDropSilently() {
			ImageUrl url = ImageUrl.of(EXAMPLE).param("width", 800);
			assertThatIllegalArgumentException().isThrownBy(() -> url.param("pixelate", 1))
				.withMessage("pixelate: 1 is out of range; must be an integer from 2 to 256");
			assertThatIllegalArgumentException().isThrownBy(() -> url.param("quality", 0))
				.withMessage("quality: 0 is out of range; must be an integer from 1 to 100, or auto");
			assertThatIllegalArgumentException().isThrownBy(() -> url.param("dpr", 9))
				.withMessage("dpr: 9 is out of range; must be a number from 0.01 to 8");
			assertThat(url.toUriString()).isEqualTo("https://cdn.imgwire.dev/example?width=800");
		}

	}

	@Nested
	class TransformationsGuideExamples {

		static Stream<Example> examples() {
			String base = "https://cdn.imgwire.dev/org/env/image";
			return Stream.of(
					new Example("resize", base, null,
							params("width", 800, "height", 600, "resizing_type", "cover", "format", "webp", "q", 80),
							base + "?format=webp&height=600&quality=80&resizing_type=cover&width=800"),
					new Example("watermark from an image id", base, null,
							params("watermark", "logo_image_id", "watermark_position", "se:-24:-24", "format", "webp"),
							base + "?format=webp&watermark=logo_image_id&watermark_position=southeast%3A-24%3A-24"),
					new Example("already encoded watermark url", base, null,
							params("watermark_url", "aHR0cHM6Ly9leGFtcGxlLmNvbS9sb2dvLnBuZw=="),
							base + "?watermark_url=aHR0cHM6Ly9leGFtcGxlLmNvbS9sb2dvLnBuZw%3D%3D"),
					new Example("duotone object, keys sorted", base, null, params("duotone", Map
						.of("shadowColor", "#0b1f5e", "highlightColor", "#ff2a2a")), base
								+ "?duotone=%7B%22highlightColor%22%3A%22%23ff2a2a%22%2C%22shadowColor%22%3A%22%230b1f5e%22%7D"));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("examples")
		void givesTheGuidesUrl(Example example) {
			assertThat(example.build()).isEqualTo(example.expected());
		}

	}

	static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	record Example(String title, String cdnUrl, @Nullable String preset, Map<String, Object> params, String expected) {

		String build() {
			ImageUrl url = ImageUrl.of(this.cdnUrl);
			if (this.preset != null) {
				url = url.preset(this.preset);
			}
			for (Map.Entry<String, Object> param : this.params.entrySet()) {
				url = url.param(param.getKey(), param.getValue());
			}
			return url.toUriString();
		}

		@Override
		public String toString() {
			return this.title;
		}

	}

}
