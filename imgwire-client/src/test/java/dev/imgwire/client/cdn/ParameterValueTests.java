package dev.imgwire.client.cdn;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official normalisation of every parameter: what each accepted input is sent as.
 * Values are compared before form encoding; {@link ImageUrlTests} covers the encoding.
 */
class ParameterValueTests {

	static String normalized(String name, Object value) {
		ImageUrl url = ImageUrl.of("https://cdn.imgwire.dev/example").param(name, value);
		return url.parameters().get(TransformationParameter.fromName(name).canonicalName());
	}

	@Nested
	class GivenAsStrings {

		@ParameterizedTest(name = "{0}={1} -> {2}")
		@CsvSource(delimiter = '|',
				textBlock = """
						# Booleans
						enlarge             | true         | true
						enlarge             | T            | true
						enlarge             | 1            | true
						enlarge             | false        | false
						enlarge             | f            | false
						enlarge             | 0            | false
						keep_copyright      | t            | true
						strip_color_profile | FALSE        | false
						sm                  | 1            | true
						# Dimensions
						width               | 1            | 1
						width               | 8192         | 8192
						w                   | 800.0        | 800
						h                   | ' 600 '      | 600
						min-width           | 100          | 100
						mw                  | 100          | 100
						min_height          | 50           | 50
						mh                  | 8192         | 8192
						# Quality and encoding
						quality             | 85           | 85
						q                   | 1            | 1
						quality             | 100          | 100
						quality             | AUTO         | auto
						progressive         | auto         | auto
						progressive         | t            | true
						progressive         | 0            | false
						chroma_subsampling  | 4:2:2        | 4:2:2
						chroma_subsampling  | auto         | auto
						color_profile       | sRGB         | srgb
						cp                  | cmyk         | cmyk
						icc                 | preserve     | preserve
						# Format: jpeg is sent as jpg
						format              | jpeg         | jpg
						format              | JPG          | jpg
						f                   | webp         | webp
						ext                 | avif         | avif
						extension           | png          | png
						format              | gif          | gif
						format              | tiff         | tiff
						format              | auto         | auto
						# Resizing, with the legacy mappings
						resizing_type       | cover        | cover
						resizing_type       | contain      | contain
						resizing_type       | fill         | fill
						resizing_type       | inside       | inside
						resizing_type       | outside      | outside
						resizing_type       | fit          | inside
						resizing_type       | fill-down    | inside
						resizing_type       | auto         | inside
						resizing_type       | force        | fill
						resizing_algorithm  | lanczos3     | lanczos3
						ra                  | nearest      | nearest
						# Gravity: shorthands become full names, ce:sm becomes attention
						gravity             | n            | north
						gravity             | no           | north
						gravity             | s            | south
						gravity             | so           | south
						gravity             | e            | east
						gravity             | ea           | east
						gravity             | w            | west
						gravity             | we           | west
						gravity             | ne           | northeast
						gravity             | noea         | northeast
						gravity             | se           | southeast
						gravity             | soea         | southeast
						gravity             | nw           | northwest
						gravity             | nowe         | northwest
						gravity             | sw           | southwest
						g                   | sowe         | southwest
						gravity             | ce           | ce
						gravity             | center       | center
						gravity             | ce:sm        | attention
						gravity             | ENTROPY      | entropy
						# Crop: w:h always states its gravity
						crop                | 400:300      | 400:300:ce
						crop                | 400:300:noea | 400:300:northeast
						c                   | 10:20:400:300 | 10:20:400:300
						crop                | 10:20:400:300:sw | 10:20:400:300:southwest
						# Ranges
						dpr                 | 0.01         | 0.01
						dpr                 | 8            | 8
						dpr                 | 2.50         | 2.5
						dpi                 | 1            | 1
						dpi                 | 600          | 600
						pixelate            | 2            | 2
						pix                 | 256          | 256
						blur                | true         | true
						blur                | t            | true
						blur                | 0.3          | 0.3
						blur                | 100          | 100
						bl                  | 1            | 1
						brightness          | 0.01         | 0.01
						br                  | 10           | 10
						lightness           | 1.5          | 1.5
						l                   | 2            | 2
						saturation          | 0.5          | 0.5
						sa                  | 10.0         | 10
						background_alpha    | 0            | 0
						bga                 | 1            | 1
						bga                 | .5           | 0.5
						zoom                | 1            | 1
						zoom                | 10:noea      | 10:northeast
						z                   | 2.5:ce       | 2.5:ce
						hue                 | -90          | -90
						hu                  | 180.5        | 180.5
						# Colors: lower-case hex without #, or r:g:b[:alpha]
						background          | '#FFFFFF'    | ffffff
						bg                  | fff          | fff
						bg                  | 11223344     | 11223344
						background          | 255:0:0      | 255:0:0
						background          | 255:0:0:0.50 | 255:0:0:0.5
						colorize            | '#00FF00'    | 00ff00
						col                 | 0:128:255    | 0:128:255
						monochrome          | true         | true
						monochrome          | false        | false
						mc                  | '#777'       | 777
						# Composite values
						adjust              | 1.2          | 1.2
						a                   | 1.2:0.8:1.0  | 1.2:0.8:1
						contrast            | 1.5          | 1.5
						co                  | 1.5:128      | 1.5:128
						duotone             | '#0B1F5E:ff2a2a' | 0b1f5e:ff2a2a
						dt                  | 000:fff      | 000:fff
						extend              | 10           | 10
						ex                  | 10:20:30:40:#FFF | 10:20:30:40:fff
						extend_aspect_ratio | 1.5          | 1.5
						exar                | 16:9         | 16:9
						extend_ar           | 4.0:3        | 4:3
						flip                | horizontal   | horizontal
						flip                | t:f          | horizontal
						flip                | f:1          | vertical
						flip                | true:true    | both
						fl                  | BOTH         | both
						gradient            | '#000,#FFF'  | 000,fff
						gr                  | 000,fff,f00:90:0.5:multiply | 000,fff,f00:90:0.5:multiply
						negate              | true         | true
						negate              | alpha:false  | alpha:false
						neg                 | ALPHA:t      | alpha:true
						normalize           | true         | true
						normalize           | f            | false
						normalise           | 1:99         | 1:99
						norm                | 0.5:99.5     | 0.5:99.5
						padding             | 10           | 10
						padding             | 10:20        | 10:20
						pd                  | 1:2:3        | 1:2:3
						padding             | 1:2:3:4      | 1:2:3:4
						rotate              | 90           | 90
						rotate              | -45:FFFFFF   | -45:ffffff
						rot                 | 270          | 270
						sharpen             | true         | true
						sharpen             | 1.5          | 1.5
						sh                  | 1            | 1
						# Watermarks
						watermark           | logo         | logo
						wm                  | logo:se      | logo:southeast
						watermark           | logo:se:10:-10 | logo:southeast:10:-10
						watermark_position  | ce           | ce
						wmp                 | noea:5:6:1:overlay | northeast:5:6:1:overlay
						watermark_offset    | sw:0:0       | southwest:0:0
						watermark_rotate    | 15           | 15
						wmr                 | 15:000       | 15:000
						wm_rot              | -15          | -15
						watermark_shadow    | true         | true
						wmsh                | '#000:2:1:1' | 000:2:1:1
						watermark_size      | 200          | 200
						wms                 | 200:100:0.5  | 200:100:0.5
						watermark_text      | © Imgwire 2026 | © Imgwire 2026
						wmt                 | 'a:b, "c" & d' | 'a:b, "c" & d'
						watermark_url       | https://example.com/logo.png | aHR0cHM6Ly9leGFtcGxlLmNvbS9sb2dvLnBuZw==
						wmu                 | aHR0cHM6Ly9leGFtcGxlLmNvbS9sb2dvLnBuZw== | aHR0cHM6Ly9leGFtcGxlLmNvbS9sb2dvLnBuZw==
						""")
		void areSentInTheirNormalForm(String name, String input, String expected) {
			assertThat(normalized(name, input)).isEqualTo(expected);
		}

	}

	@Nested
	class GivenAsJavaValues {

		static Stream<Arguments> values() {
			return Stream.of(Arguments.of("enlarge", true, "true"), Arguments.of("enlarge", false, "false"),
					Arguments.of("strip_metadata", 1, "true"), Arguments.of("width", 800, "800"),
					Arguments.of("width", 800L, "800"), Arguments.of("width", 800.0, "800"),
					Arguments.of("height", new BigDecimal("600.00"), "600"), Arguments.of("dpr", 2.5, "2.5"),
					Arguments.of("dpr", 1.5f, "1.5"), Arguments.of("blur", 0.3f, "0.3"),
					Arguments.of("blur", true, "true"), Arguments.of("blur", 1, "1"), Arguments.of("quality", 85, "85"),
					Arguments.of("rotate", 90, "90"), Arguments.of("zoom", 2, "2"), Arguments.of("padding", 16, "16"),
					Arguments.of("background_alpha", new BigDecimal("0.250"), "0.25"), Arguments.of("hue", -0.0, "0"),
					Arguments.of("format", Format.JPG, "jpg"), Arguments.of("format", Format.AUTO, "auto"),
					Arguments.of("resizing_type", ResizingType.COVER, "cover"),
					Arguments.of("gravity", Gravity.NORTHEAST, "northeast"),
					Arguments.of("gravity", Gravity.CENTER, "ce"),
					Arguments.of("watermark", UUID.fromString("00000000-0000-0000-0000-000000000001"),
							"00000000-0000-0000-0000-000000000001"),
					Arguments.of("watermark_url", URI.create("https://example.com/logo.png"),
							"aHR0cHM6Ly9leGFtcGxlLmNvbS9sb2dvLnBuZw=="));
		}

		@ParameterizedTest(name = "{0}={1} -> {2}")
		@MethodSource("values")
		void areSentInTheirNormalForm(String name, Object input, String expected) {
			assertThat(normalized(name, input)).isEqualTo(expected);
		}

	}

	@Nested
	class GivenAsObjects {

		static Stream<Arguments> objects() {
			return Stream.of(Arguments.of("crop", map("width", 400, "height", 300), "{\"height\":300,\"width\":400}"),
					Arguments.of("crop", map("width", 400, "height", 300, "gravity", "noea"),
							"{\"gravity\":\"northeast\",\"height\":300,\"width\":400}"),
					Arguments.of("crop", map("x", 10, "y", 20, "width", 400, "height", 300),
							"{\"height\":300,\"mode\":\"extract\",\"width\":400,\"x\":10,\"y\":20}"),
					Arguments.of("padding", map("top", 10, "x", 5.0), "{\"top\":10,\"x\":5}"),
					Arguments.of("extend", map("bottom", 8, "background", "#FFF"),
							"{\"background\":\"#fff\",\"bottom\":8}"),
					Arguments.of("extend", map("left", 1, "background", "1:2:3:0.5"),
							"{\"background\":{\"alpha\":0.5,\"b\":3,\"g\":2,\"r\":1},\"left\":1}"),
					Arguments.of("extend_aspect_ratio", map("width", 16, "height", 9), "{\"height\":9,\"width\":16}"),
					Arguments.of("extend_aspect_ratio", map("aspectRatio", 1.5), "1.5"),
					Arguments.of("adjust", map("saturation", 1.25), "{\"saturation\":1.25}"),
					Arguments.of("contrast", map("pivot", 128, "multiplier", 1.5),
							"{\"multiplier\":1.5,\"pivot\":128}"),
					Arguments.of("duotone", map("shadowColor", map("r", 0, "g", 0, "b", 0), "highlightColor", "FFF"),
							"{\"highlightColor\":\"#fff\",\"shadowColor\":{\"b\":0,\"g\":0,\"r\":0}}"),
					Arguments.of("gradient", map("colors", List.of("#000", "fff"), "angle", 45),
							"{\"angle\":45,\"colors\":[\"#000\",\"#fff\"]}"),
					Arguments.of("rotate", map("angle", 30, "background", "#000000"),
							"{\"angle\":30,\"background\":\"#000000\"}"),
					Arguments.of("sharpen", map("sigma", 1.5, "m1", 1, "jagged", 2.0),
							"{\"jagged\":2,\"m1\":1,\"sigma\":1.5}"),
					Arguments.of("watermark", map("imageId", "logo", "gravity", "se", "opacity", 0.5),
							"{\"gravity\":\"southeast\",\"image_id\":\"logo\",\"opacity\":0.5}"),
					Arguments.of("watermark_position", map("gravity", "se", "x", -24, "y", -24),
							"{\"gravity\":\"southeast\",\"x\":-24,\"y\":-24}"),
					Arguments.of("watermark_shadow", map("color", "000", "blur", 2), "{\"blur\":2,\"color\":\"#000\"}"),
					Arguments.of("watermark_size", map("scale", 0.5), "{\"scale\":0.5}"),
					Arguments.of("watermark_text", map("text", "Hi \"you\"\n", "size", 24, "color", "fff"),
							"{\"color\":\"#fff\",\"size\":24,\"text\":\"Hi \\\"you\\\"\\n\"}"),
					Arguments.of("watermark_rotate", map("angle", 15), "{\"angle\":15}"),
					// Objects the CDN documents only in their string form are sent as
					// strings.
					Arguments.of("zoom", map("factor", 2, "gravity", "nw"), "2:northwest"),
					Arguments.of("negate", map("alpha", "t"), "alpha:true"),
					Arguments.of("normalize", map("lower", 1, "upper", 99), "1:99"),
					Arguments.of("flip", map("vertical", true), "vertical"),
					Arguments.of("background", map("r", 255, "g", 128, "b", 0), "255:128:0"),
					Arguments.of("monochrome", map("r", 1, "g", 2, "b", 3, "alpha", 0.5), "1:2:3:0.5"));
		}

		@ParameterizedTest(name = "{0}={1} -> {2}")
		@MethodSource("objects")
		void areSentAsCompactJsonWithSortedKeys(String name, Map<String, Object> input, String expected) {
			assertThat(normalized(name, input)).isEqualTo(expected);
		}

	}

	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
