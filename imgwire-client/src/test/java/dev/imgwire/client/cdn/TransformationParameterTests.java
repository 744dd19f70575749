package dev.imgwire.client.cdn;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The canonical names and aliases of the official transformation table, row for row.
 */
class TransformationParameterTests {

	@Nested
	class OfficialTable {

		@ParameterizedTest(name = "{0} <- {1}")
		@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
				adjust              | a
				background          | bg
				background_alpha    | bga
				blur                | bl
				brightness          | br
				chroma_subsampling  | -
				color_profile       | cp icc
				colorize            | col
				contrast            | co
				crop                | c
				dpi                 | -
				dpr                 | -
				duotone             | dt
				enlarge             | el
				extend              | ex
				extend_aspect_ratio | exar extend_ar
				flip                | fl
				format              | f ext extension
				gradient            | gr
				gravity             | g
				height              | h
				hue                 | hu
				keep_copyright      | kcr
				lightness           | l
				min-height          | mh min_height
				min-width           | mw min_width
				monochrome          | mc
				negate              | neg
				normalize           | norm normalise
				padding             | pd
				pixelate            | pix
				progressive         | -
				quality             | q
				resizing_algorithm  | ra
				resizing_type       | -
				rotate              | rot
				saturation          | sa
				sharpen             | sh
				strip_color_profile | scp
				strip_metadata      | sm
				watermark           | wm
				watermark_position  | wmp watermark_offset
				watermark_rotate    | wmr wm_rot
				watermark_shadow    | wmsh
				watermark_size      | wms
				watermark_text      | wmt
				watermark_url       | wmu
				width               | w
				zoom                | z
				""")
		void everyCanonicalNameAndAliasFindsTheParameter(String canonical, String aliases) {
			List<String> expected = (aliases != null) ? List.of(aliases.split(" ")) : List.of();
			TransformationParameter parameter = TransformationParameter.fromName(canonical);
			assertThat(parameter.canonicalName()).isEqualTo(canonical);
			assertThat(parameter.aliases()).containsExactlyElementsOf(expected);
			expected.forEach((alias) -> assertThat(TransformationParameter.fromName(alias)).isSameAs(parameter));
		}

		@Test
		void hasExactlyTheFortyNineParametersOfTheTable() {
			assertThat(TransformationParameter.values()).hasSize(49);
			assertThat(Arrays.stream(TransformationParameter.values()).map(TransformationParameter::canonicalName))
				.doesNotHaveDuplicates();
		}

	}

	@Nested
	class UnknownNames {

		@Test
		void anUnknownNameIsRejectedWithTheListOfNames() {
			assertThatIllegalArgumentException().isThrownBy(() -> TransformationParameter.fromName("size"))
				.withMessageStartingWith(
						"\"size\" is not a transformation parameter; must be one of adjust, background,")
				.withMessageEndingWith("width, zoom, or one of their aliases");
		}

		@Test
		void namesAreExactAndTheMessageSaysWhichNameWasMeant() {
			assertThatIllegalArgumentException().isThrownBy(() -> TransformationParameter.fromName("Width"))
				.withMessage(
						"\"Width\" is not a transformation parameter; names are exact and lower case: use \"width\"");
		}

		@Test
		void presetIsNotAParameterButAPathSuffix() {
			assertThatIllegalArgumentException().isThrownBy(() -> TransformationParameter.fromName("preset"))
				.withMessageContaining("a preset is a path suffix: use preset(...)");
		}

		@Test
		void aNullNameIsRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> TransformationParameter.fromName(null))
				.withMessage("parameter name: must not be null");
		}

	}

}
