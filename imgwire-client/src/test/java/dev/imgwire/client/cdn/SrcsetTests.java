package dev.imgwire.client.cdn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.imgwire.client.cdn.CdnTestImages.CDN_URL;
import static dev.imgwire.client.cdn.CdnTestImages.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Width and density srcsets.
 */
class SrcsetTests {

	static final ImageUrl WEBP = ImageUrl.of(CDN_URL).format(Format.WEBP);

	@Nested
	class Widths {

		@Test
		void oneUrlPerWidthWithAWidthDescriptor() {
			Srcset srcset = Srcset.ofWidths(WEBP, List.of(320, 640));
			assertThat(srcset.value())
				.isEqualTo(CDN_URL + "?format=webp&width=320 320w, " + CDN_URL + "?format=webp&width=640 640w");
			assertThat(srcset.usesWidths()).isTrue();
			assertThat(srcset).hasToString(srcset.value());
		}

		@Test
		void theFallbackIsTheLargestWidth() {
			assertThat(Srcset.ofWidths(WEBP, List.of(320, 640)).fallbackUrl())
				.isEqualTo(CDN_URL + "?format=webp&width=640");
		}

		@Test
		void aRangeIncludesItsMaximumEvenOffTheSteps() {
			assertThat(descriptors(Srcset.ofWidths(WEBP, 320, 1280, 320))).containsExactly("320w", "640w", "960w",
					"1280w");
			assertThat(descriptors(Srcset.ofWidths(WEBP, 300, 1000, 300))).containsExactly("300w", "600w", "900w",
					"1000w");
			assertThat(descriptors(Srcset.ofWidths(WEBP, 500, 500, 100))).containsExactly("500w");
		}

		@Test
		void widthsBeyondTheImagesOwnWidthGiveWayToThatWidth() {
			Srcset srcset = Srcset.ofWidths(ImageUrl.of(image(1000, 750)), List.of(320, 640, 1280, 1920));
			assertThat(descriptors(srcset)).containsExactly("320w", "640w", "1000w");
			assertThat(srcset.fallbackUrl()).isEqualTo(CDN_URL + "?width=1000");
		}

		@Test
		void theImagesOwnWidthIsNotRepeated() {
			Srcset srcset = Srcset.ofWidths(ImageUrl.of(image(640, 480)), List.of(320, 640, 1280));
			assertThat(descriptors(srcset)).containsExactly("320w", "640w");
		}

		@Test
		void everyWidthIsKeptWhenTheImagesWidthIsUnknown() {
			assertThat(descriptors(Srcset.ofWidths(ImageUrl.of(image(0, 0)), List.of(320, 8192))))
				.containsExactly("320w", "8192w");
			assertThat(descriptors(Srcset.ofWidths(ImageUrl.of(CDN_URL).withSourceWidth(500), List.of(320, 640))))
				.containsExactly("320w", "500w");
		}

		@Test
		void invalidWidthsAreRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, List.of()))
				.withMessage("widths: 0 given; must be from 1 to 64");
			List<Integer> tooMany = IntStream.rangeClosed(1, 65).boxed().toList();
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, tooMany))
				.withMessage("widths: 65 given; must be from 1 to 64");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, List.of(640, 320)))
				.withMessage("widths: 320 follows 640; widths must be strictly ascending, without duplicates");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, List.of(320, 320)))
				.withMessage("widths: 320 follows 320; widths must be strictly ascending, without duplicates");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, List.of(0, 320)))
				.withMessage("widths: 0 is out of range; must be from 1 to 8192");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, List.of(8193)))
				.withMessage("widths: 8193 is out of range; must be from 1 to 8192");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, Arrays.asList(320, null)))
				.withMessage("widths: an element: must not be null");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, null))
				.withMessage("widths: must not be null");
		}

		@Test
		void invalidRangesAreRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, 640, 320, 100))
				.withMessage("widths: min 640, max 320, step 100 is not a range; must have 1 <= min <= max <= 8192 "
						+ "and step >= 1");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, 100, 200, 0))
				.withMessageContaining("is not a range");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP, 1, 8192, 100))
				.withMessage(
						"widths: min 1, max 8192, step 100 gives 83 widths; must give at most 64, so use a larger step");
		}

		@Test
		void aBuilderThatAlreadySetsAWidthIsRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofWidths(WEBP.width(800), List.of(320)))
				.withMessage(
						"srcset: the builder already sets width=800; a width srcset sets the width of each candidate");
		}

	}

	@Nested
	class Densities {

		@Test
		void oneXIsTheBuildersUrlAndTheOthersSetDpr() {
			Srcset srcset = Srcset.ofDensities(WEBP.width(400));
			assertThat(srcset.value()).isEqualTo(CDN_URL + "?format=webp&width=400 1x, " + CDN_URL
					+ "?dpr=2&format=webp&width=400 2x, " + CDN_URL + "?dpr=3&format=webp&width=400 3x");
			assertThat(srcset.usesWidths()).isFalse();
			assertThat(srcset.fallbackUrl()).isEqualTo(CDN_URL + "?format=webp&width=400");
		}

		@Test
		void fractionalDensitiesAreWrittenPlainly() {
			assertThat(descriptors(Srcset.ofDensities(WEBP, List.of(1, 1.5, 2.0)))).containsExactly("1x", "1.5x", "2x");
			assertThat(Srcset.ofDensities(WEBP, List.of(1.5)).fallbackUrl())
				.isEqualTo(CDN_URL + "?dpr=1.5&format=webp");
		}

		@Test
		void densitiesNeedingMorePixelsThanTheImageHasAreLeftOut() {
			ImageUrl url = ImageUrl.of(image(1000, 750)).width(400);
			assertThat(descriptors(Srcset.ofDensities(url))).containsExactly("1x", "2x");
			assertThat(descriptors(Srcset.ofDensities(ImageUrl.of(image(1000, 750))))).containsExactly("1x", "2x",
					"3x");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofDensities(url, List.of(3, 4)))
				.withMessage("densities: [3, 4] all need more pixels than the source's 1000 at width=400; include 1");
		}

		@Test
		void invalidDensitiesAreRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofDensities(WEBP, List.of(0)))
				.withMessage("densities: 0 is out of range; must be a number from 0.01 to 8");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofDensities(WEBP, List.of(2, 1)))
				.withMessage("densities: 1 follows 2; densities must be strictly ascending, without duplicates");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofDensities(WEBP, List.of()))
				.withMessage("densities: 0 given; must be from 1 to 64");
			assertThatIllegalArgumentException().isThrownBy(() -> Srcset.ofDensities(WEBP.dpr(2)))
				.withMessage("srcset: the builder already sets dpr=2; a density srcset sets the dpr of each candidate");
		}

	}

	static List<String> descriptors(Srcset srcset) {
		List<String> descriptors = new ArrayList<>();
		srcset.candidates().forEach((candidate) -> descriptors.add(candidate.descriptor()));
		return descriptors;
	}

}
