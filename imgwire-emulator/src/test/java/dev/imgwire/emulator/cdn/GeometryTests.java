package dev.imgwire.emulator.cdn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.imgwire.emulator.state.ImageFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GeometryTests {

	private static final long LIMIT = CdnVariants.MAX_PIXELS;

	@Nested
	class Sizes {

		@Test
		void aSideNeverRoundsToZero() {
			assertThat(size("width=10", 10_000, 10)).isEqualTo("10x1");
			assertThat(size("height=10", 10, 10_000)).isEqualTo("1x10");
		}

		@Test
		void coverTakesTheCentreOfTheOriginal() {
			Geometry geometry = geometry("width=100&height=100", 400, 300);
			assertThat(geometry.source()).isEqualTo(new Geometry.Region(50, 0, 300, 300));
			assertThat(geometry.target()).isEqualTo(new Geometry.Region(0, 0, 100, 100));
			assertThat(geometry.padded()).isFalse();
		}

		@Test
		void containCentresTheImageInThePadding() {
			Geometry geometry = geometry("width=100&height=100&resizing_type=contain", 400, 300);
			assertThat(geometry.source()).isEqualTo(new Geometry.Region(0, 0, 400, 300));
			assertThat(geometry.target()).isEqualTo(new Geometry.Region(0, 12, 100, 75));
			assertThat(geometry.padded()).isTrue();
		}

		@Test
		void containWithTheOriginalsAspectRatioNeedsNoPadding() {
			assertThat(geometry("width=200&height=150&resizing_type=contain", 400, 300).padded()).isFalse();
		}

		@Test
		void withoutResizingTheOriginalSizeIsKept() {
			assertThat(size("format=png", 400, 300)).isEqualTo("400x300");
		}

	}

	@Nested
	class Limits {

		@Test
		void anOutputOverTheLimitIsRejectedBeforeAnythingIsDecoded() {
			assertThatExceptionOfType(InvalidTransformationException.class)
				.isThrownBy(() -> geometry("width=8192&height=8192&dpr=8&resizing_type=fill", 10, 10))
				.withMessageContaining("65536x65536");
		}

		@Test
		void anExtremeAspectRatioCannotOverflowTheCheck() {
			assertThatExceptionOfType(InvalidTransformationException.class)
				.isThrownBy(() -> geometry("width=8192&dpr=8", 1, Integer.MAX_VALUE))
				.withMessageContaining("Transformation too large");
		}

		@Test
		void exactlyTheLimitIsAllowed() {
			assertThat(size("width=5000&height=2500&dpr=2&resizing_type=fill", 10, 10)).isEqualTo("10000x5000");
		}

		@Test
		void anOriginalOverTheLimitIsRejected() {
			assertThatExceptionOfType(InvalidTransformationException.class)
				.isThrownBy(() -> Geometry.checkOriginal(10_000, 5_001, LIMIT))
				.withMessageContaining("10000x5001");
		}

	}

	private static String size(String query, int width, int height) {
		Geometry geometry = geometry(query, width, height);
		return geometry.width() + "x" + geometry.height();
	}

	private static Geometry geometry(String query, int width, int height) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			parameters.put(parts[0], List.of(parts[1]));
		}
		TransformationPlan plan = TransformationRequest.parse(null, parameters).plan(ImageFormat.PNG);
		return Geometry.of(plan, width, height, LIMIT);
	}

}
