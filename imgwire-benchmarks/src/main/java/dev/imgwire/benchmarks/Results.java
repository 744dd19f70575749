package dev.imgwire.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Everything a run measured, the table of figures and the verdict on each target.
 */
final class Results {

	private final Settings settings;

	private final List<Scenario> scenarios = new ArrayList<>();

	private final Map<String, String> notes = new LinkedHashMap<>();

	private final List<Startup> startups = new ArrayList<>();

	private final List<String> verdicts = new ArrayList<>();

	private boolean uploadsDuplicated;

	Results(Settings settings) {
		this.settings = settings;
	}

	void add(Scenario scenario) {
		this.scenarios.add(scenario);
	}

	void note(String scenario, String note) {
		this.notes.put(scenario, note);
	}

	void uploadsDuplicated(boolean duplicated) {
		this.uploadsDuplicated |= duplicated;
	}

	void add(Startup startup) {
		this.startups.add(startup);
	}

	List<Scenario> scenarios() {
		return this.scenarios;
	}

	List<Startup> startups() {
		return this.startups;
	}

	Optional<Scenario> scenario(String part) {
		return this.scenarios.stream().filter((scenario) -> scenario.name().contains(part)).findFirst();
	}

	/**
	 * Print the machine, the settings, the table, the start-up figures and the verdicts.
	 * @param out where to
	 */
	void print(PrintStream out) {
		Runtime runtime = Runtime.getRuntime();
		out.printf(Locale.ROOT, "Machine: %d cores, %s; JDK %s (%s), heap max %d MiB%n", runtime.availableProcessors(),
				System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
				System.getProperty("java.vm.name"), runtime.maxMemory() >> 20);
		out.println("Settings: " + this.settings);
		out.println();
		out.println(Scenario.header());
		out.println(Scenario.separator());
		for (Scenario scenario : this.scenarios) {
			scenario.rows().forEach(out::println);
		}
		out.println();
		this.notes.forEach((scenario, note) -> out.println(scenario + ": " + note));
		for (Scenario scenario : this.scenarios) {
			if (scenario.errors() > 0) {
				out.println(scenario.name() + ": " + scenario.errors() + " FAILED CALLS");
			}
		}
		if (!this.startups.isEmpty()) {
			out.println();
			printStartups(out);
		}
		out.println();
		out.println("Targets:");
		verdicts().forEach((verdict) -> out.println("  " + verdict));
	}

	private void printStartups(PrintStream out) {
		for (String variant : List.of("without", "webclient", "with")) {
			List<Startup> runs = this.startups.stream().filter((run) -> run.variant().equals(variant)).toList();
			out.printf(Locale.ROOT,
					"Spring Boot start, %-34s (%d cold JVMs, medians): context %.0f ms, heap after GC %.1f MiB, RSS %.1f MiB, threads %.0f%n",
					STARTUP_VARIANTS.get(variant), runs.size(), median(runs, (run) -> run.contextNanos() / 1e6),
					median(runs, (run) -> run.heapBytes() / 1048576.0),
					median(runs, (run) -> run.residentBytes() / 1048576.0), median(runs, Startup::threads));
		}
		for (String base : List.of("without", "webclient")) {
			out.printf(Locale.ROOT,
					"Spring Boot start, the starter added to %-24s (median of paired differences): context %+.1f ms, heap %+.2f MiB, RSS %+.1f MiB%n",
					base.equals("without") ? "an app without it" : "an app with a WebClient",
					startupDelta(base, (run) -> run.contextNanos() / 1e6),
					startupDelta(base, (run) -> run.heapBytes() / 1048576.0),
					startupDelta(base, (run) -> run.residentBytes() / 1048576.0));
		}
	}

	private static final Map<String, String> STARTUP_VARIANTS = Map.of("without", "without the starter", "webclient",
			"without the starter, with a WebClient", "with", "with the starter");

	/**
	 * The median over runs of the difference of a figure between the run with the starter
	 * and the run of the base variant just before it.
	 */
	double startupDelta(String base, ToDoubleFunction<Startup> figure) {
		List<Startup> without = this.startups.stream().filter((run) -> run.variant().equals(base)).toList();
		List<Startup> with = this.startups.stream().filter((run) -> run.variant().equals("with")).toList();
		double[] deltas = new double[Math.min(without.size(), with.size())];
		for (int i = 0; i < deltas.length; i++) {
			deltas[i] = figure.applyAsDouble(with.get(i)) - figure.applyAsDouble(without.get(i));
		}
		return Scenario.median(deltas);
	}

	/**
	 * The verdict on each target the run measured.
	 * @return one line per target
	 */
	List<String> verdicts() {
		this.verdicts.clear();
		for (String concurrency : List.of("64", "1")) {
			scenario(ImgwireBenchmarks.RETRIEVE + concurrency).ifPresent((scenario) -> {
				String name = "(1) retrieve(id) at concurrency " + concurrency;
				if (!scenario.phases().containsKey(ImgwireBenchmarks.BARE)) {
					return;
				}
				check(name + ": throughput vs bare",
						scenario.ratio(ImgwireBenchmarks.CLIENT, ImgwireBenchmarks.BARE, Phase::throughput), ">=",
						0.90);
				check(name + ": throughput vs hand-written WebClient",
						scenario.ratio(ImgwireBenchmarks.CLIENT, ImgwireBenchmarks.WEB_CLIENT, Phase::throughput), ">=",
						1.0);
				check(name + ": p99 vs bare",
						scenario.ratio(ImgwireBenchmarks.CLIENT, ImgwireBenchmarks.BARE, Phase::p99), "<=", 1.10);
				check(name + ": CPU per call vs bare",
						scenario.ratio(ImgwireBenchmarks.CLIENT, ImgwireBenchmarks.BARE, Phase::cpuNanosPerCall), "<=",
						1.3);
			});
		}
		scenario(ImgwireBenchmarks.LARGE_UPLOAD).ifPresent((scenario) -> {
			boolean succeeded = scenario.errors() == 0 && !scenario.of(LargeUpload.CLIENT).isEmpty();
			this.verdicts.add(verdict(succeeded) + "(2) " + scenario.name() + ": succeeds in a "
					+ this.settings.get("large-upload-heap-mib") + " MiB heap");
			check("(2) " + scenario.name() + ": time vs bare PUT",
					scenario.ratio(LargeUpload.CLIENT, LargeUpload.BARE, (phase) -> phase.usage().wallNanos()), "<=",
					1.05);
			// The bare PUT is zero-copy by construction (sendFile); a client that streams
			// the file through buffers allocates hundreds of times what it does (234x in
			// BENCHMARKS.md before zero-copy), one that sends the file as well about the
			// same.
			double allocated = scenario.ratio(LargeUpload.CLIENT, LargeUpload.BARE, Phase::allocatedBytesPerCall);
			this.verdicts.add(verdict(allocated <= 2) + String.format(Locale.ROOT,
					"(2) zero-copy without a hash: heap allocated per upload vs the bare sendFile PUT: %.2fx "
							+ "(target <= 2x; streaming through buffers: 234x); CPU %.2fx",
					allocated, scenario.ratio(LargeUpload.CLIENT, LargeUpload.BARE, Phase::cpuNanosPerCall)));
		});
		scenario(ImgwireBenchmarks.LIST_ALL)
			.ifPresent((scenario) -> check("(3) " + scenario.name() + ": throughput vs bare page loop",
					scenario.ratio(ImgwireBenchmarks.LIST_CLIENT, ImgwireBenchmarks.LIST_BARE, Phase::throughput), ">=",
					1.0));
		scenario(ImgwireBenchmarks.UPLOADS).ifPresent((scenario) -> {
			check("(4) " + scenario.name() + ": throughput vs bare pipeline",
					scenario.ratio(ImgwireBenchmarks.CLIENT, ImgwireBenchmarks.BARE, Phase::throughput), ">=", 0.95);
			this.verdicts.add(verdict(!this.uploadsDuplicated) + "(4) zero duplicates");
		});
		if (!this.startups.isEmpty()) {
			double added = startupDelta("without", (run) -> run.contextNanos() / 1e6);
			this.verdicts.add(verdict(added <= 25) + String.format(Locale.ROOT,
					"(5) Spring context start added by the starter: %+.1f ms (target <= 25 ms); heap %+.2f MiB; "
							+ "to an app that has a WebClient already: %+.1f ms, heap %+.2f MiB",
					added, startupDelta("without", (run) -> run.heapBytes() / 1048576.0),
					startupDelta("webclient", (run) -> run.contextNanos() / 1e6),
					startupDelta("webclient", (run) -> run.heapBytes() / 1048576.0)));
		}
		List<Scenario> pageCosts = this.scenarios.stream()
			.filter((scenario) -> scenario.name().startsWith(ImgwireBenchmarks.PAGE_COST))
			.toList();
		if (pageCosts.size() == 2 && !pageCosts.get(0).name().equals(pageCosts.get(1).name())) {
			Scenario few = pageCosts.get(0);
			Scenario many = pageCosts.get(1);
			String last = many.phases().keySet().stream().reduce((a, b) -> b).orElseThrow();
			double ratio = many.median(last, Phase::emulatorCpuNanosPerCall)
					/ few.median("page 1", Phase::emulatorCpuNanosPerCall);
			check("(6) emulator CPU for the " + last + " with " + many.name().replace(ImgwireBenchmarks.PAGE_COST, "")
					+ " images stored vs page 1 with " + few.name().replace(ImgwireBenchmarks.PAGE_COST, ""), ratio,
					"<=", 1.25);
		}
		return this.verdicts;
	}

	private void check(String what, double ratio, String comparison, double target) {
		boolean met = comparison.equals(">=") ? ratio >= target : ratio <= target;
		this.verdicts.add(verdict(met) + what
				+ String.format(Locale.ROOT, ": %.2fx (target %s %.2fx)", ratio, comparison, target));
	}

	private static String verdict(boolean met) {
		return met ? "MET    " : "MISSED ";
	}

	private static double median(List<Startup> runs, ToDoubleFunction<Startup> figure) {
		return Scenario.median(runs.stream().mapToDouble(figure).toArray());
	}

	/**
	 * One cold start of a Spring Boot application.
	 *
	 * @param variant {@code with} or {@code without} the starter
	 * @param contextNanos from main() to the context refreshed
	 * @param sinceJvmStartMillis from the JVM's start to the context refreshed
	 * @param heapBytes heap in use after a full GC
	 * @param residentBytes the process's resident set
	 * @param threads live threads
	 */
	record Startup(String variant, long contextNanos, long sinceJvmStartMillis, long heapBytes, long residentBytes,
			int threads) {

		static Startup parse(String line) {
			String[] fields = line.split("\t");
			return new Startup(fields[1], Long.parseLong(fields[2]), Long.parseLong(fields[3]),
					Long.parseLong(fields[4]), Long.parseLong(fields[5]), Integer.parseInt(fields[6]));
		}

	}

}
