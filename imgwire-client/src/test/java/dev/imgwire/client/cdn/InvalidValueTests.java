package dev.imgwire.client.cdn;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.imgwire.client.cdn.ParameterValueTests.map;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every rule, broken: the builder throws at once, and the message names the parameter,
 * the value and the rule. Nothing is dropped silently.
 */
class InvalidValueTests {

	static final ImageUrl URL = ImageUrl.of("https://cdn.imgwire.dev/example");

	@Nested
	class GivenAsStrings {

		@ParameterizedTest(name = "{0}={1}")
		@CsvSource(delimiter = '|',
				textBlock = """
						width              | 8193        | width: "8193" is out of range; must be an integer from 1 to 8192
						width              | 12.5        | width: "12.5" is not an integer; must be an integer from 1 to 8192
						width              | 1e3         | width: "1e3" is not a number; must be an integer from 1 to 8192
						w                  | 0           | width (given as "w"): "0" is out of range; must be an integer from 1 to 8192
						min_height         | -1          | min-height (given as "min_height"): "-1" is out of range; must be an integer from 1 to 8192
						quality            | 101         | quality: "101" is out of range; must be an integer from 1 to 100, or auto
						q                  | high        | quality (given as "q"): "high" is not a number; must be an integer from 1 to 100, or auto
						progressive        | maybe       | progressive: "maybe" is not a boolean; must be a boolean (true, t, 1, false, f or 0) or auto
						chroma_subsampling | 4:2:0       | chroma_subsampling: "4:2:0" is not allowed; must be one of 4:4:4, 4:2:2, auto
						format             | bmp         | format: "bmp" is not allowed; must be one of auto, jpg, jpeg, png, webp, avif, gif, tiff
						resizing_type      | stretch     | resizing_type: "stretch" is not allowed; must be one of cover, contain, fill, inside, outside, fit, fill-down, auto, force
						resizing_algorithm | bilinear    | resizing_algorithm: "bilinear" is not allowed; must be one of nearest, cubic, mitchell, lanczos2, lanczos3
						color_profile      | adobe       | color_profile: "adobe" is not allowed; must be one of srgb, rgb16, cmyk, keep, preserve
						enlarge            | yes         | enlarge: "yes" is not a boolean; must be a boolean: true, t, 1, false, f or 0
						dpr                | 0           | dpr: "0" is out of range; must be a number from 0.01 to 8
						dpr                | 8.01        | dpr: "8.01" is out of range; must be a number from 0.01 to 8
						dpi                | 601         | dpi: "601" is out of range; must be an integer from 1 to 600
						pixelate           | 257         | pixelate: "257" is out of range; must be an integer from 2 to 256
						blur               | 0.2         | blur: "0.2" is out of range; must be true or a sigma from 0.3 to 100
						blur               | false       | blur: "false" is not accepted; must be true or a sigma from 0.3 to 100; omit the parameter instead
						brightness         | 0           | brightness: "0" is out of range; must be a number from 0.01 to 10
						saturation         | 10.5        | saturation: "10.5" is out of range; must be a number from 0.01 to 10
						background_alpha   | 1.1         | background_alpha: "1.1" is out of range; must be a number from 0 to 1
						hue                | red         | hue: "red" is not a number; must be a number
						zoom               | 0.5         | zoom: "0.5" has an invalid factor: "0.5" is out of range; must be a number from 1 to 10
						zoom               | 2:middle    | zoom: "2:middle" has an invalid gravity: "middle" is not a gravity; must be a gravity: ce, center, north, south, east, west, northeast, northwest, southeast, southwest, attention, entropy, or a shorthand n/no, s/so, e/ea, w/we, ne/noea, se/soea, nw/nowe, sw/sowe
						gravity            | no:sm       | gravity: "no:sm" is not a gravity; must be a gravity: ce, center, north, south, east, west, northeast, northwest, southeast, southwest, attention, entropy, or a shorthand n/no, s/so, e/ea, w/we, ne/noea, se/soea, nw/nowe, sw/sowe, or ce:sm for attention
						crop               | 400         | crop: "400" has 1 colon-separated parts, not 2 to 5; must be width:height[:gravity] or x:y:width:height[:gravity] (width and height integers from 1 to 8192, x and y integers from 0), or a Map with width, height and optional x, y, gravity
						crop               | 400:0       | crop: "400:0" has an invalid height: "0" is out of range; must be an integer from 1 to 8192
						crop               | 400::ce     | crop: "400::ce" has an empty part 2; must be width:height[:gravity] or x:y:width:height[:gravity] (width and height integers from 1 to 8192, x and y integers from 0), or a Map with width, height and optional x, y, gravity
						crop               | -1:0:40:30  | crop: "-1:0:40:30" has an invalid x: "-1" is out of range; must be an integer of at least 0
						c                  | {"width":1} | crop (given as "c"): "{"width":1}" is JSON text; must be width:height[:gravity] or x:y:width:height[:gravity] (width and height integers from 1 to 8192, x and y integers from 0), or a Map with width, height and optional x, y, gravity; pass a java.util.Map for the object form
						background         | #ggg        | background: "#ggg" is not a color; must be a color: rgb, rrggbb or rrggbbaa hex with or without #, r:g:b[:alpha], or a Map with r, g, b and optional alpha
						background         | 256:0:0     | background: "256:0:0" has an invalid component: "256" is out of range; must be an integer from 0 to 255
						monochrome         | grey        | monochrome: "grey" is neither a boolean nor a color; must be true, false or a color; a color: rgb, rrggbb or rrggbbaa hex with or without #, r:g:b[:alpha], or a Map with r, g, b and optional alpha
						adjust             | 1:0         | adjust: "1:0" has an invalid saturation: "0" is out of range; must be a number from 0.01 to 10
						contrast           | 1:300       | contrast: "1:300" has an invalid pivot: "300" is out of range; must be a number from 0 to 255
						duotone            | 000         | duotone: "000" has 1 colon-separated parts, not 2; must be shadowColor:highlightColor (hex colors), or a Map with shadowColor and highlightColor
						extend             | 8193        | extend: "8193" has an invalid top: "8193" is out of range; must be an integer from 0 to 8192
						extend_aspect_ratio | 0          | extend_aspect_ratio: "0" has an invalid ratio: "0" is out of range; must be a number from 0.01 to 8192
						flip               | f:f         | flip: "f:f" flips neither axis; must be vertical, horizontal, both, the legacy horizontal:vertical booleans, or a Map with horizontal and vertical; omit flip instead
						flip               | sideways    | flip: "sideways" has 1 colon-separated parts, not 2; must be vertical, horizontal, both, the legacy horizontal:vertical booleans, or a Map with horizontal and vertical
						gradient           | 000         | gradient: "000" has fewer than two colors; must be color1,color2[,colorN][:angle[:opacity[:blend]]] (hex colors, an angle from -360 to 360, an opacity from 0 to 1, a blend mode), or a Map with colors, angle, opacity, blend
						gradient           | 000,fff:400 | gradient: "000,fff:400" has an invalid angle: "400" is out of range; must be a number from -360 to 360
						negate             | false       | negate: "false" is not accepted; must be true, alpha:<boolean>, or a Map with alpha; omit the parameter instead
						negate             | beta:true   | negate: "beta:true" is not alpha:<boolean>; must be true, alpha:<boolean>, or a Map with alpha
						normalize          | 99:1        | normalize: "99:1" has lower not below upper; must be a boolean, lower:upper (percentiles from 0 to 100, lower below upper), or a Map with lower and upper
						padding            | 1:2:3:4:5   | padding: "1:2:3:4:5" has 5 colon-separated parts, not 1 to 4; must be all, x:y, top:x:bottom or top:right:bottom:left (integers from 0 to 8192), or a Map with all, x, y, top, right, bottom, left
						rotate             | 90.5        | rotate: "90.5" has an invalid angle: "90.5" is not an integer; must be an integer
						sharpen            | 0           | sharpen: "0" is out of range; must be true, a sigma greater than 0, or a Map with sigma, m1, m2, x1, y2, y3, flat, jagged
						sharpen            | f           | sharpen: "f" is not accepted; must be true, a sigma greater than 0, or a Map with sigma, m1, m2, x1, y2, y3, flat, jagged; omit the parameter instead
						watermark          | a/b         | watermark: "a/b" has an invalid image id: "a/b" is not an image id; must be an image id, without : or /
						watermark_position | middle      | watermark_position: "middle" has an invalid gravity: "middle" is not a gravity; must be a gravity: ce, center, north, south, east, west, northeast, northwest, southeast, southwest, attention, entropy, or a shorthand n/no, s/so, e/ea, w/we, ne/noea, se/soea, nw/nowe, sw/sowe
						watermark_position | se:1:2:1.5  | watermark_position: "se:1:2:1.5" has an invalid opacity: "1.5" is out of range; must be a number from 0 to 1
						watermark_shadow   | 0           | watermark_shadow: "0" is not accepted; must be true, color[:blur[:x[:y]]] (a hex color, a blur from 0.3 to 100, integer offsets), or a Map with color, blur, x, y; omit the parameter instead
						watermark_size     | 0           | watermark_size: "0" has an invalid width: "0" is out of range; must be an integer from 1 to 8192
						watermark_text     | ''          | watermark_text: "" has 0 characters; must be a text of 1 to 2048 characters, or a Map with text and optional font, size, color, width, height, align, gravity, x, y, left, top, opacity, blend
						watermark_url      | http://example.com/logo.png | watermark_url: "http://example.com/logo.png" is neither an https URL nor the base64 encoding of one; must be an https URL, or the standard base64 encoding of one
						watermark_url      | aHR0cDovL2V4YW1wbGUuY29t | watermark_url: "aHR0cDovL2V4YW1wbGUuY29t" is neither an https URL nor the base64 encoding of one; must be an https URL, or the standard base64 encoding of one
						""")
		void areRejectedWithTheRule(String name, String input, String message) {
			assertThatIllegalArgumentException().isThrownBy(() -> URL.param(name, input)).withMessage(message);
		}

	}

	@Nested
	class GivenAsJavaValues {

		static Stream<Arguments> values() {
			return Stream.of(Arguments.of("width", 0, "width: 0 is out of range; must be an integer from 1 to 8192"),
					Arguments.of("width", true, "width: true is not a number; must be an integer from 1 to 8192"),
					Arguments.of("width", Double.NaN,
							"width: NaN is not a finite number; must be an integer from 1 to 8192"),
					Arguments.of("width", List.of(1), "width: [1] is not a number; must be an integer from 1 to 8192"),
					Arguments.of("format", 5,
							"format: 5 is an Integer, not a string; must be one of auto, jpg, jpeg, png, "
									+ "webp, avif, gif, tiff"),
					Arguments.of("format", Gravity.NORTH,
							"format: \"north\" is not allowed; must be one of auto, jpg, jpeg, "
									+ "png, webp, avif, gif, tiff"),
					Arguments.of("blur", false,
							"blur: false is not accepted; must be true or a sigma from 0.3 to 100; "
									+ "omit the parameter instead"),
					Arguments.of("blur", 0, "blur: 0 is out of range; must be true or a sigma from 0.3 to 100"),
					Arguments.of("quality", 0, "quality: 0 is out of range; must be an integer from 1 to 100, or auto"),
					Arguments.of("watermark_text", "x".repeat(2049), "watermark_text: \"" + "x".repeat(80)
							+ "…\" has 2049 characters; must be a text of 1 to 2048 characters, or a Map with text and "
							+ "optional font, size, color, width, height, align, gravity, x, y, left, top, opacity, blend"));
		}

		@ParameterizedTest(name = "{0}={1}")
		@MethodSource("values")
		void areRejectedWithTheRule(String name, Object input, String message) {
			assertThatIllegalArgumentException().isThrownBy(() -> URL.param(name, input)).withMessage(message);
		}

		@Test
		void aNullValueIsRejectedRatherThanLeftOut() {
			assertThatIllegalArgumentException().isThrownBy(() -> URL.param("w", null))
				.withMessage("width (given as \"w\"): value must not be null; leave the parameter out instead");
		}

	}

	@Nested
	class GivenAsObjects {

		static Stream<Arguments> objects() {
			return Stream.of(
					Arguments.of("crop", map("width", 400), "crop: {width=400} has no height; height is required"),
					Arguments.of("crop", map("width", 400, "height", 300, "depth", 1),
							"crop: {width=400, height=300, depth=1} has an unknown key \"depth\"; allowed keys are "
									+ "width, height, gravity, x, y, mode"),
					Arguments.of("crop", map("width", 400, "height", 300, "x", 1),
							"crop: {width=400, height=300, x=1} has no y; y is required"),
					Arguments.of("crop", map("width", 400, "height", 300, "x", 1, "y", 1, "mode", "cut"),
							"crop: {width=400, height=300, x=1, y=1, mode=cut} has an invalid mode: \"cut\" is not "
									+ "allowed; must be one of extract"),
					Arguments.of("crop", map("width", 0, "height", 300),
							"crop: {width=0, height=300} has an invalid width: 0 is out of range; must be an integer from 1 to 8192"),
					Arguments.of("padding", Map.of(),
							"padding: {} is empty; set at least one of all, x, y, top, right, bottom, left"),
					Arguments.of("padding", map("top", null),
							"padding: {top=null} has a null top; omit the key instead"),
					Arguments.of("extend_aspect_ratio", map("width", 16, "height", 9, "ratio", 2),
							"extend_aspect_ratio: {width=16, height=9, ratio=2} is ambiguous or incomplete; must have width "
									+ "and height, or one of ratio and aspectRatio"),
					Arguments.of("background", map("r", 300, "g", 0, "b", 0),
							"background: {r=300, g=0, b=0} has an invalid r: 300 is out of range; must be an integer from 0 to 255"),
					Arguments.of("gradient", map("colors", List.of("000")),
							"gradient: {colors=[000]} has an invalid colors: [000] is not a list of two or more colors; "
									+ "must be a List of at least two colors"),
					Arguments.of("watermark", map("image_id", "a", "imageId", "b"),
							"watermark: {image_id=a, imageId=b} needs exactly one of image_id and imageId; must be "
									+ "image_id[:gravity[:x[:y]]] (an image id without : or /, integer offsets), or a Map "
									+ "with image_id and optional gravity, x, y, opacity, blend"),
					Arguments.of("watermark_text", map("font", "Inter"),
							"watermark_text: {font=Inter} has no text; text is required"),
					Arguments.of("flip", map("horizontal", false),
							"flip: {horizontal=false} flips neither axis; must be vertical, horizontal, both, the legacy "
									+ "horizontal:vertical booleans, or a Map with horizontal and vertical; omit flip instead"));
		}

		@ParameterizedTest(name = "{0}={1}")
		@MethodSource("objects")
		void areRejectedWithTheRule(String name, Map<String, Object> input, String message) {
			assertThatIllegalArgumentException().isThrownBy(() -> URL.param(name, input)).withMessage(message);
		}

	}

}
