package dev.imgwire.client.cdn;

import java.net.URI;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.imgwire.client.cdn.CdnTestImages.CDN_URL;
import static dev.imgwire.client.cdn.CdnTestImages.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The builder itself: entry points, presets, the query format, strictness and the typed
 * methods.
 */
class ImageUrlTests {

	@Nested
	class EntryPoints {

		@Test
		void withNothingSetTheUrlIsTheBareCdnUrl() {
			assertThat(ImageUrl.of(CDN_URL).toUriString()).isEqualTo(CDN_URL);
			assertThat(ImageUrl.of(image(1600, 1200)).toUriString()).isEqualTo(CDN_URL);
		}

		@Test
		void anExistingQueryIsReplacedAndAFragmentDropped() {
			ImageUrl url = ImageUrl.of(CDN_URL + "?width=5&token=abc#top");
			assertThat(url.toUriString()).isEqualTo(CDN_URL);
			assertThat(url.width(10).toUriString()).isEqualTo(CDN_URL + "?width=10");
		}

		@Test
		void thePathIsKeptAsGivenStillPercentEncoded() {
			assertThat(ImageUrl.of("https://img.example.com/org/env/a%20cat").preset(Preset.SMALL).toUriString())
				.isEqualTo("https://img.example.com/org/env/a%20cat@small");
		}

		@Test
		void anImageGivesItsCdnUrlAndItsSourceSize() {
			ImageUrl url = ImageUrl.of(image(1600, 1200));
			assertThat(url.sourceWidth()).hasValue(1600);
			assertThat(url.sourceHeight()).hasValue(1200);
		}

		@Test
		void anImageWithoutDimensionsYetHasNoSourceSize() {
			ImageUrl url = ImageUrl.of(image(0, 0));
			assertThat(url.sourceWidth()).isEmpty();
			assertThat(url.sourceHeight()).isEmpty();
		}

		@Test
		void aUrlHasNoSourceSizeUnlessGivenOne() {
			assertThat(ImageUrl.of(CDN_URL).sourceWidth()).isEmpty();
			assertThat(ImageUrl.of(CDN_URL).withSourceWidth(900).sourceWidth()).hasValue(900);
			ImageUrl sized = ImageUrl.of(CDN_URL).withSourceSize(900, 600);
			assertThat(sized.sourceWidth()).hasValue(900);
			assertThat(sized.sourceHeight()).hasValue(600);
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).withSourceSize(900, 0))
				.withMessage("source size: 900x0 is out of range; width and height must be at least 1");
		}

		@ParameterizedTest
		@ValueSource(strings = { "/org/env/cat", "cdn.imgwire.dev/org/env/cat", "ftp://cdn.imgwire.dev/cat",
				"mailto:cat@imgwire.dev" })
		void anythingButAnAbsoluteHttpUrlIsRejected(String cdnUrl) {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(cdnUrl))
				.withMessage(
						"cdnUrl: \"" + cdnUrl + "\" is not an absolute http or https URL; must be an image's cdn_url");
		}

		@Test
		void anUnparsableUrlIsRejectedWithTheReason() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of("https://cdn.imgwire.dev/a cat"))
				.withMessage(
						"cdnUrl: \"https://cdn.imgwire.dev/a cat\" is not a valid URI (Illegal character in path); "
								+ "must be an absolute http or https URL");
		}

		@Test
		void nullsAreRejectedWithTheirName() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of((String) null))
				.withMessage("cdnUrl: must not be null");
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of((dev.imgwire.client.model.Image) null))
				.withMessage("image: must not be null");
		}

		@Test
		void toUriGivesTheSameUrl() {
			ImageUrl url = ImageUrl.of(CDN_URL).preset(Preset.LARGE).width(300);
			assertThat(url.toUri()).isEqualTo(URI.create(CDN_URL + "@large?width=300"));
		}

	}

	@Nested
	class Presets {

		@Test
		void aPresetIsAppendedToTheLastPathSegmentBeforeTheQuery() {
			assertThat(ImageUrl.of(CDN_URL).preset(Preset.MEDIUM).format(Format.AUTO).qualityAuto().toUriString())
				.isEqualTo(CDN_URL + "@medium?format=auto&quality=auto");
		}

		@ParameterizedTest
		@ValueSource(strings = { "thumbnail", "small", "medium", "large", " Large " })
		void everyPresetIsAcceptedByName(String name) {
			ImageUrl url = ImageUrl.of(CDN_URL).preset(name);
			assertThat(url.toUriString()).isEqualTo(CDN_URL + "@" + name.trim().toLowerCase());
			assertThat(url.preset()).contains(Preset.fromValue(name));
		}

		@Test
		void anUnknownPresetIsRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).preset("huge"))
				.withMessage("preset: \"huge\" is not a preset; must be one of thumbnail, small, medium, large");
		}

		@Test
		void aSecondPresetIsRejected() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ImageUrl.of(CDN_URL).preset(Preset.SMALL).preset(Preset.LARGE))
				.withMessage("preset: already set to small; a URL takes one preset");
		}

		@ParameterizedTest
		@ValueSource(
				strings = { "https://cdn.imgwire.dev", "https://cdn.imgwire.dev/", "https://cdn.imgwire.dev/org/" })
		void aUrlWithoutALastPathSegmentTakesNoPreset(String cdnUrl) {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(cdnUrl).preset(Preset.SMALL))
				.withMessageEndingWith("has no last path segment to append @small to");
		}

		@Test
		void aUrlThatAlreadyNamesAPresetTakesNoOther() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL + "@small").preset(Preset.LARGE))
				.withMessage("preset: the cdn_url " + CDN_URL + "@small already names a preset");
		}

		@Test
		void presetIsNotAQueryParameter() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).param("preset", "small"))
				.withMessageContaining("a preset is a path suffix: use preset(...)");
		}

	}

	@Nested
	class QueryFormat {

		@Test
		void parametersAreSortedByCanonicalNameWhateverTheOrderTheyWereSetIn() {
			ImageUrl url = ImageUrl.of(CDN_URL)
				.param("z", 2)
				.param("mw", 100)
				.param("min_height", 50)
				.param("bg", "fff");
			assertThat(url.toUriString()).isEqualTo(CDN_URL + "?background=fff&min-height=50&min-width=100&zoom=2");
			assertThat(url.parameters()).containsExactly(entry("background", "fff"), entry("min-height", "50"),
					entry("min-width", "100"), entry("zoom", "2"));
		}

		@Test
		void valuesAreFormEncoded() {
			assertThat(ImageUrl.of(CDN_URL).param("watermark_text", "Tom & Jerry: 100% = é/ü").toUriString())
				.isEqualTo(CDN_URL + "?watermark_text=Tom+%26+Jerry%3A+100%25+%3D+%C3%A9%2F%C3%BC");
		}

		@Test
		void everyMethodReturnsANewBuilderAndLeavesTheOriginalAlone() {
			ImageUrl base = ImageUrl.of(CDN_URL).format(Format.WEBP);
			ImageUrl small = base.width(320);
			ImageUrl large = base.width(1280);
			assertThat(base.toUriString()).isEqualTo(CDN_URL + "?format=webp");
			assertThat(small.toUriString()).isEqualTo(CDN_URL + "?format=webp&width=320");
			assertThat(large.toUriString()).isEqualTo(CDN_URL + "?format=webp&width=1280");
		}

		@Test
		void buildersWithTheSameUrlAndSourceSizeAreEqual() {
			ImageUrl one = ImageUrl.of(CDN_URL).param("w", 100).format(Format.PNG);
			ImageUrl other = ImageUrl.of(CDN_URL).format(Format.PNG).width(100);
			assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
			assertThat(one).isNotEqualTo(other.withSourceWidth(100));
			assertThat(one).hasToString(CDN_URL + "?format=png&width=100");
		}

		private static java.util.Map.Entry<String, String> entry(String name, String value) {
			return java.util.Map.entry(name, value);
		}

	}

	@Nested
	class Strictness {

		@Test
		void twoAliasesOfOneParameterAreRejected() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ImageUrl.of(CDN_URL).param("f", "webp").param("ext", "png"))
				.withMessage(
						"format (given as \"ext\"): already set to \"webp\" as \"f\"; a parameter may appear once, "
								+ "under one name");
		}

		@Test
		void anAliasAndTheCanonicalNameAreRejected() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ImageUrl.of(CDN_URL).param("w", 100).param("width", 200))
				.withMessage("width: already set to \"100\" as \"w\"; a parameter may appear once, under one name");
		}

		@Test
		void theSameNameTwiceIsRejectedEvenWithTheSameValue() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).width(100).width(100))
				.withMessage("width: already set to \"100\" as \"width\"; a parameter may appear once, under one name");
		}

		@Test
		void anUnknownParameterIsRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).param("size", 100))
				.withMessageStartingWith("\"size\" is not a transformation parameter; must be one of adjust,");
		}

		@Test
		void aRejectedValueLeavesTheBuilderUsable() {
			ImageUrl url = ImageUrl.of(CDN_URL).width(100);
			assertThatIllegalArgumentException().isThrownBy(() -> url.height(0));
			assertThat(url.height(50).toUriString()).isEqualTo(CDN_URL + "?height=50&width=100");
		}

		@Test
		void typedMethodsFollowTheSameRules() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).width(0))
				.withMessage("width: 0 is out of range; must be an integer from 1 to 8192");
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).dpr(8.5))
				.withMessage("dpr: 8.5 is out of range; must be a number from 0.01 to 8");
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).background("white"))
				.withMessageStartingWith("background: \"white\" is not a color; must be a color:");
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).crop(0, 0, 0, 10))
				.withMessage("crop: \"0:0:0:10\" has an invalid width: \"0\" is out of range; must be an integer "
						+ "from 1 to 8192");
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).format(null))
				.withMessage("format: must not be null");
			assertThatIllegalArgumentException().isThrownBy(() -> ImageUrl.of(CDN_URL).param((String) null, 1))
				.withMessage("parameter name: must not be null");
		}

	}

	@Nested
	class TypedMethods {

		static Stream<Arguments> methods() {
			return Stream.of(typed("width(320)", (url) -> url.width(320), "width=320"),
					typed("height(240)", (url) -> url.height(240), "height=240"),
					typed("quality(80)", (url) -> url.quality(80), "quality=80"),
					typed("qualityAuto()", ImageUrl::qualityAuto, "quality=auto"),
					typed("format(JPG)", (url) -> url.format(Format.JPG), "format=jpg"),
					typed("format(TIFF)", (url) -> url.format(Format.TIFF), "format=tiff"),
					typed("resizingType(INSIDE)", (url) -> url.resizingType(ResizingType.INSIDE),
							"resizing_type=inside"),
					typed("gravity(SOUTHWEST)", (url) -> url.gravity(Gravity.SOUTHWEST), "gravity=southwest"),
					typed("dpr(1.5)", (url) -> url.dpr(1.5), "dpr=1.5"), typed("dpr(2)", (url) -> url.dpr(2), "dpr=2"),
					typed("crop(400, 300)", (url) -> url.crop(400, 300), "crop=400%3A300%3Ace"),
					typed("crop(400, 300, NORTH)", (url) -> url.crop(400, 300, Gravity.NORTH),
							"crop=400%3A300%3Anorth"),
					typed("crop(10, 20, 400, 300)", (url) -> url.crop(10, 20, 400, 300), "crop=10%3A20%3A400%3A300"),
					typed("blur(2.5)", (url) -> url.blur(2.5), "blur=2.5"),
					typed("blur()", ImageUrl::blur, "blur=true"),
					typed("background(#FFF)", (url) -> url.background("#FFF"), "background=fff"),
					typed("param(ROTATE, 90)", (url) -> url.param(TransformationParameter.ROTATE, 90), "rotate=90"));
		}

		static Arguments typed(String title, UnaryOperator<ImageUrl> method, String query) {
			return Arguments.of(title, method, query);
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("methods")
		void setTheirCanonicalParameter(String title, UnaryOperator<ImageUrl> method, String query) {
			assertThat(method.apply(ImageUrl.of(CDN_URL)).toUriString()).isEqualTo(CDN_URL + "?" + query);
		}

	}

	@Nested
	class Watermarks {

		@Test
		void aSecondWatermarkSourceIsRejectedAtOnce() {
			ImageUrl url = ImageUrl.of(CDN_URL).param("watermark", "logo");
			assertThatIllegalArgumentException().isThrownBy(() -> url.param("wmt", "© Imgwire"))
				.withMessage("watermark_text (given as \"wmt\"): a URL takes one watermark source, and watermark is "
						+ "already set");
		}

		@Test
		void aModifierWithoutASourceFailsWhenTheUrlIsRendered() {
			ImageUrl url = ImageUrl.of(CDN_URL).param("watermark_position", "se");
			assertThatIllegalStateException().isThrownBy(url::toUriString)
				.withMessage("watermark_position: needs a watermark source; set watermark, watermark_text or "
						+ "watermark_url too");
			assertThat(url).hasToString(CDN_URL + "?watermark_position=southeast");
		}

		@Test
		void aModifierMayBeSetBeforeItsSource() {
			assertThat(ImageUrl.of(CDN_URL).param("wms", 100).param("wmt", "Hi").toUriString())
				.isEqualTo(CDN_URL + "?watermark_size=100&watermark_text=Hi");
		}

	}

}
