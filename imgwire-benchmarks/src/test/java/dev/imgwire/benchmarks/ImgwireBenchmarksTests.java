package dev.imgwire.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ImgwireBenchmarks}: the whole harness still runs end to end at a tiny
 * size, every scenario against its baselines, so the benchmarks cannot rot between
 * releases. Nothing here judges speed.
 */
class ImgwireBenchmarksTests {

	@Test
	void aSmokeRunMeasuresEveryScenarioAgainstItsBaselines() throws Exception {
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		Results results = ImgwireBenchmarks.run(Settings.smoke(), new PrintStream(log, true, StandardCharsets.UTF_8));

		assertThat(results.scenarios()).extracting(Scenario::name)
			.containsExactly("retrieve(id), concurrency 64", "retrieve(id), concurrency 1",
					"50 uploads of 4 KiB, concurrency 64", "one list page of 100, images stored: 250",
					"one list page of 100, images stored: 250", "listAll(100) over 250 images",
					"upload(Path) of 4 MiB, -Xmx64m");
		assertThat(results.scenarios()).allSatisfy((scenario) -> {
			assertThat(scenario.errors()).as(scenario.name()).isZero();
			assertThat(scenario.phases()).as(scenario.name()).isNotEmpty().allSatisfy((contender, phases) -> {
				assertThat(phases).isNotEmpty();
				assertThat(phases).allSatisfy((phase) -> {
					assertThat(phase.calls()).isPositive();
					assertThat(phase.usage().wallNanos()).isPositive();
					assertThat(phase.usage().callerCpuNanos()).isPositive();
				});
			});
			assertThat(scenario.rows()).hasSize(scenario.phases().size());
		});
		assertThat(results.scenario("retrieve(id), concurrency 64").orElseThrow().phases()).containsOnlyKeys(
				ImgwireBenchmarks.BARE, ImgwireBenchmarks.WEB_CLIENT, ImgwireBenchmarks.WEB_CLIENT_FLOOR,
				ImgwireBenchmarks.CLIENT);
		assertThat(results.startups()).extracting(Results.Startup::variant)
			.containsExactly("without", "webclient", "with");
		assertThat(results.verdicts()).hasSizeGreaterThan(10)
			.allSatisfy((verdict) -> assertThat(verdict).matches("(MET|MISSED) +\\(\\d\\) .*"));
		ByteArrayOutputStream table = new ByteArrayOutputStream();
		results.print(new PrintStream(table, true, StandardCharsets.UTF_8));
		assertThat(table.toString(StandardCharsets.UTF_8)).contains("Machine:", "Targets:", "zero duplicates",
				"added by the starter");
	}

	@Test
	void phasesTravelBetweenJvmsIntact() {
		Phase phase = Phase.of("a contender", 3, 1, new ThreadMeter.Usage(10, 20, 30, 40, 5), new long[] { 3, 1, 2 });

		Phase parsed = Phase.parse(phase.toLine());

		assertThat(parsed.contender()).isEqualTo("a contender");
		assertThat(parsed.calls()).isEqualTo(3);
		assertThat(parsed.errors()).isEqualTo(1);
		assertThat(parsed.usage()).isEqualTo(phase.usage());
		assertThat(parsed.latencyNanos()).containsExactly(1, 2, 3);
	}

	@Test
	void settingsRejectUnknownOptionsAndScenarios() {
		assertThat(Settings.parse(new String[] { "--rounds=3", "--scenarios=retrieve" }).get("rounds")).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse(new String[] { "--speed=11" }))
			.withMessageContaining("--speed=11");
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse(new String[] { "--scenarios=fast" }))
			.withMessageContaining("fast");
	}

}
