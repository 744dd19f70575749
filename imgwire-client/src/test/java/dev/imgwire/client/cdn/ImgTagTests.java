package dev.imgwire.client.cdn;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.imgwire.client.cdn.CdnTestImages.CDN_URL;
import static dev.imgwire.client.cdn.CdnTestImages.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The rendered {@code <img>} element.
 */
class ImgTagTests {

	static final ImageUrl URL = ImageUrl.of(image(1600, 1200)).format(Format.WEBP);

	@Nested
	class Rendering {

		@Test
		void aSingleUrlWithTheImagesSize() {
			assertThat(ImgTag.of(URL.width(800), "A cat").toHtml()).isEqualTo("<img src=\"" + CDN_URL
					+ "?format=webp&amp;width=800\" width=\"1600\" height=\"1200\" alt=\"A cat\" loading=\"lazy\" "
					+ "decoding=\"async\">");
		}

		@Test
		void aWidthSrcsetWithSizes() {
			Srcset srcset = Srcset.ofWidths(URL, List.of(320, 640));
			String html = ImgTag.of(srcset, "A cat")
				.sizes(Sizes.when("(max-width: 640px)", "100vw").otherwise("640px"))
				.toHtml();
			assertThat(html).isEqualTo("<img src=\"" + CDN_URL + "?format=webp&amp;width=640\" srcset=\"" + CDN_URL
					+ "?format=webp&amp;width=320 320w, " + CDN_URL + "?format=webp&amp;width=640 640w\" "
					+ "sizes=\"(max-width: 640px) 100vw, 640px\" width=\"1600\" height=\"1200\" alt=\"A cat\" "
					+ "loading=\"lazy\" decoding=\"async\">");
		}

		@Test
		void aDensitySrcsetNeedsNoSizes() {
			String html = ImgTag.of(Srcset.ofDensities(URL.width(400), List.of(1, 2)), "A cat").toHtml();
			assertThat(html).isEqualTo("<img src=\"" + CDN_URL + "?format=webp&amp;width=400\" srcset=\"" + CDN_URL
					+ "?format=webp&amp;width=400 1x, " + CDN_URL + "?dpr=2&amp;format=webp&amp;width=400 2x\" "
					+ "width=\"1600\" height=\"1200\" alt=\"A cat\" loading=\"lazy\" decoding=\"async\">");
		}

		@Test
		void withoutAKnownSizeThereAreNoWidthAndHeightUnlessGiven() {
			ImgTag tag = ImgTag.of(ImageUrl.of(CDN_URL), "");
			assertThat(tag.toHtml())
				.isEqualTo("<img src=\"" + CDN_URL + "\" alt=\"\" loading=\"lazy\" decoding=\"async\">");
			assertThat(tag.dimensions(300, 200).toHtml()).contains(" width=\"300\" height=\"200\" ");
		}

		@Test
		void eagerLoadingForTheFirstVisibleImage() {
			assertThat(ImgTag.of(URL, "A cat").eager().toHtml()).contains(" loading=\"eager\" decoding=\"async\">");
		}

		@Test
		void otherAttributesComeLastInTheOrderAdded() {
			assertThat(ImgTag.of(URL, "A cat").attribute("class", "hero").attribute("data-id", "7").toHtml())
				.endsWith(" decoding=\"async\" class=\"hero\" data-id=\"7\">");
		}

	}

	@Nested
	class Escaping {

		@Test
		void quotesAnglesAndAmpersandsAreEscapedInEveryAttribute() {
			String text = "Tom's \"<b>cat</b>\" & co";
			String html = ImgTag.of(URL, text).attribute("title", text).toHtml();
			String escaped = "Tom&#39;s &quot;&lt;b&gt;cat&lt;/b&gt;&quot; &amp; co";
			assertThat(html).contains(" alt=\"" + escaped + "\"").contains(" title=\"" + escaped + "\"");
			assertThat(html).doesNotContain("<b>", "\"<", "'s");
		}

		@Test
		void urlsAreEscapedToo() {
			String html = ImgTag.of(ImageUrl.of(CDN_URL).param("watermark_text", "<x>").width(10), "").toHtml();
			assertThat(html).contains("src=\"" + CDN_URL + "?watermark_text=%3Cx%3E&amp;width=10\"");
		}

	}

	@Nested
	class Rules {

		@Test
		void aWidthSrcsetWithoutSizesFailsToRender() {
			ImgTag tag = ImgTag.of(Srcset.ofWidths(URL, List.of(320)), "A cat");
			assertThatIllegalStateException().isThrownBy(tag::toHtml)
				.withMessage("sizes: a width srcset needs sizes, e.g. sizes(Sizes.of(\"100vw\"))");
		}

		@Test
		void sizesWithoutAWidthSrcsetAreRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImgTag.of(URL, "A cat").sizes(Sizes.of("100vw")))
				.withMessage("sizes: only applies to a width srcset (640w), and this tag has none");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ImgTag.of(Srcset.ofDensities(URL), "A cat").sizes(Sizes.of("100vw")))
				.withMessage("sizes: only applies to a width srcset (640w), and this tag has a density srcset");
		}

		@Test
		void invalidOrManagedAttributesAreRejected() {
			ImgTag tag = ImgTag.of(URL, "A cat").attribute("class", "a");
			for (String name : List.of("src", "Alt", "loading", "on click", "\"x", "class")) {
				assertThatIllegalArgumentException().isThrownBy(() -> tag.attribute(name, "x"))
					.withMessageStartingWith("attribute: \"" + name + "\" is not allowed;");
			}
		}

		@Test
		void nullsAndInvalidDimensionsAreRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> ImgTag.of(URL, null))
				.withMessage("alt: must not be null");
			assertThatIllegalArgumentException().isThrownBy(() -> ImgTag.of(URL, "").dimensions(0, 10))
				.withMessage("dimensions: 0x10 is out of range; width and height must be at least 1");
		}

	}

}
