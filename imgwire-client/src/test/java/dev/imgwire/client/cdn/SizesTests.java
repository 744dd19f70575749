package dev.imgwire.client.cdn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code sizes} attribute.
 */
class SizesTests {

	@Test
	void oneLengthForEveryViewport() {
		assertThat(Sizes.of(" 100vw ").value()).isEqualTo("100vw");
		assertThat(Sizes.of("min(100vw, 640px)")).hasToString("min(100vw, 640px)");
	}

	@Test
	void conditionsComeFirstInOrderAndTheDefaultLast() {
		Sizes sizes = Sizes.when("(max-width: 640px)", "100vw").when("(max-width: 1024px)", "50vw").otherwise("640px");
		assertThat(sizes.value()).isEqualTo("(max-width: 640px) 100vw, (max-width: 1024px) 50vw, 640px");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "100vw, 50vw", "calc(100vw - 2rem", "100vw)" })
	void partsThatWouldBreakTheAttributeAreRejected(String length) {
		assertThatIllegalArgumentException().isThrownBy(() -> Sizes.of(length))
			.withMessage("length: \"" + length + "\" is not valid; must be non-blank, with balanced parentheses and no "
					+ "comma outside them");
	}

	@Test
	void aNullPartIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> Sizes.when(null, "100vw"))
			.withMessage("media condition: must not be null");
	}

}
