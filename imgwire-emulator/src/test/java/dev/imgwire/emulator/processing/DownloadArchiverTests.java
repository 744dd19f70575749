package dev.imgwire.emulator.processing;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zip entry names made from original file names.
 */
class DownloadArchiverTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "photo.png|photo.png", "a/b\\c.png|a_b_c.png",
			"../../etc/passwd|.._.._etc_passwd", ".|image", "..|image", "' '|image", "tab\there.png|tab_here.png" })
	void namesAreMadeSafe(String fileName, String expected) {
		assertThat(DownloadArchiver.uniqueName(fileName, new HashSet<>())).isEqualTo(expected);
	}

	@Test
	void controlCharactersAndLoneSurrogatesAreReplaced() {
		assertThat(DownloadArchiver.uniqueName("a\u0000b\u007f\ud800.png", new HashSet<>())).isEqualTo("a_b__.png");
	}

	@Test
	void longNamesAreCutAtACharacterBoundaryKeepingTheExtension() {
		String emoji = "\ud83d\ude00";
		String name = DownloadArchiver.uniqueName(emoji.repeat(100) + ".jpeg", new HashSet<>());
		assertThat(name).endsWith(".jpeg").startsWith(emoji);
		assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
		assertThat(name.substring(0, name.length() - 5).length() % 2).as("no split surrogate pair").isZero();
		assertThat(name.getBytes(StandardCharsets.UTF_8).length).isEqualTo(62 * 4 + 5);
	}

	@Test
	void aVeryLongExtensionIsPartOfTheNameAndMayBeCut() {
		String name = DownloadArchiver.uniqueName("x." + "y".repeat(300), new HashSet<>());
		assertThat(name).hasSize(255).startsWith("x.yyy");
	}

	@Test
	void clashingNamesStayUniqueAndWithinTheLimitIgnoringCase() {
		Set<String> used = new HashSet<>();
		String prefix = "n".repeat(400);
		String first = DownloadArchiver.uniqueName(prefix + "a.png", used);
		String second = DownloadArchiver.uniqueName(prefix + "b.png", used);
		String third = DownloadArchiver.uniqueName(prefix.toUpperCase() + ".PNG", used);
		assertThat(first).hasSize(255).endsWith("n.png");
		assertThat(second).hasSize(255).endsWith(" (1).png");
		assertThat(third).hasSize(255).endsWith(" (2).PNG");
	}

}
