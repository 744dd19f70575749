package dev.imgwire.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ImgwireBenchmarks}: the harness still runs end to end at a tiny size,
 * so the benchmarks cannot rot between releases. Nothing here judges speed.
 */
class ImgwireBenchmarksTests {

	@Test
	void benchmarksMeasureEveryScenarioAgainstItsBaseline() throws Exception {
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		List<Comparison> comparisons = ImgwireBenchmarks.run(new ImgwireBenchmarks.Settings(1, 30, 1, 0),
				new PrintStream(log, true, StandardCharsets.UTF_8));
		assertThat(comparisons).extracting(Comparison::scenario)
			.containsExactly("upload 1 MiB, streamed", "upload 1 MiB, buffered vs streamed",
					"list 30 images, 100 per page");
		assertThat(comparisons).allSatisfy((comparison) -> {
			assertThat(comparison.baseline().nanos()).isPositive();
			assertThat(comparison.candidate().nanos()).isPositive();
			assertThat(comparison.timeRatio()).isFinite().isPositive();
			assertThat(comparison.format()).contains(comparison.scenario());
		});
		assertThat(log.toString(StandardCharsets.UTF_8)).contains("Running: list 30 images");
	}

	@Test
	void settingsRejectUnknownOptions() {
		assertThat(ImgwireBenchmarks.Settings.parse(new String[] { "--upload-mib=8", "--iterations=3" }))
			.isEqualTo(new ImgwireBenchmarks.Settings(8, 1000, 3, 2));
		org.assertj.core.api.Assertions
			.assertThatIllegalArgumentException()
			.isThrownBy(() -> ImgwireBenchmarks.Settings.parse(new String[] { "--speed=11" }))
			.withMessageContaining("--speed=11");
	}

}
