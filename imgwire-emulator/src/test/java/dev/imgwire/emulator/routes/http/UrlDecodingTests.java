package dev.imgwire.emulator.routes.http;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlDecodingTests {

	@Test
	void wellFormedEscapesDecodeLikeNetty() {
		assertThat(UrlDecoding.component("a%20b+c%C3%A9")).isEqualTo("a b c\u00e9");
		assertThat(UrlDecoding.parameters("w=1&h=2;w=3&flag"))
			.isEqualTo(Map.of("w", List.of("1", "3"), "h", List.of("2"), "flag", List.of("")));
	}

	@Test
	void malformedEscapesAreKeptAsTextInsteadOfFailing() {
		assertThat(UrlDecoding.component("%zz")).isEqualTo("%zz");
		assertThat(UrlDecoding.component("100%")).isEqualTo("100%");
		assertThat(UrlDecoding.component("%4")).isEqualTo("%4");
		assertThat(UrlDecoding.component("%41%zz+%C3%A9")).isEqualTo("A%zz \u00e9");
		assertThat(UrlDecoding.parameters("width=%zz&%zz=1&q=%E0%A4%A")).containsOnlyKeys("width", "%zz", "q")
			.containsEntry("width", List.of("%zz"))
			.containsEntry("%zz", List.of("1"));
	}

	@Test
	void invalidUtf8BecomesTheReplacementCharacter() {
		assertThat(UrlDecoding.component("%FF%zz")).isEqualTo("\ufffd%zz");
	}

	@Test
	void anEmptyQueryHasNoParameters() {
		assertThat(UrlDecoding.parameters(null)).isEmpty();
		assertThat(UrlDecoding.parameters("")).isEmpty();
		assertThat(UrlDecoding.parameters("&&;%zz")).containsOnlyKeys("%zz");
	}

}
