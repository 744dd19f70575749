package dev.imgwire.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.ImgwireClientSettings;
import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.ImgwireEmulator;

/**
 * Measures the client against baselines in one process, on an in-process emulator, and
 * prints the figures side by side with their ratios and a verdict per target. Absolute
 * figures depend on the machine; the ratios, taken between phases of the same round, are
 * what to compare. See {@code BENCHMARKS.md} for the method and {@link Settings} for the
 * options.
 */
public final class ImgwireBenchmarks {

	static final String BARE = "bare Reactor Netty";

	static final String WEB_CLIENT = "hand-written WebClient";

	static final String CLIENT = "Imgwire client";

	static final String WEB_CLIENT_FLOOR = "WebClient floor (see BENCHMARKS)";

	static final String LIST_BARE = "bare page loop";

	static final String LIST_CLIENT = "client.listAll(100)";

	static final String RETRIEVE = "retrieve(id), concurrency ";

	static final String UPLOADS = "uploads of 4 KiB";

	static final String LIST_ALL = "listAll(100) over ";

	static final String PAGE_COST = "one list page of 100, images stored: ";

	static final String LARGE_UPLOAD = "upload(Path) of ";

	private static final Duration TIMEOUT = Duration.ofMinutes(20);

	private ImgwireBenchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.parse(args);
		Results results = run(settings, System.out);
		System.out.println();
		results.print(System.out);
	}

	static Results run(Settings settings, PrintStream log) throws Exception {
		Results results = new Results(settings);
		// One pool for every contender, so that they share connections and event loops.
		ConnectionProvider pool = ConnectionProvider.builder("imgwire-benchmarks")
			.maxConnections(settings.get("max-connections"))
			.pendingAcquireMaxCount(-1)
			.build();
		HttpClient http = HttpClient.create(pool);
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			ImgwireImagesClient client = ImgwireImagesClient
				.builder(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)),
						ImgwireClientSettings.of(emulator.baseUrl(), emulator.serverKey()))
				.build();
			BareNetty bare = new BareNetty(http, emulator.baseUrl(), emulator.serverKey());
			HandWrittenWebClient webClient = new HandWrittenWebClient(http, emulator.baseUrl(), emulator.serverKey());
			LoadHarness harness = new LoadHarness();
			if (settings.enabled("retrieve")) {
				retrieve(settings, log, results, emulator, client, bare, webClient, harness);
			}
			if (settings.enabled("uploads")) {
				uploads(settings, log, results, emulator, client, bare, harness);
			}
			if (settings.enabled("list")) {
				list(settings, log, results, emulator, client, bare, harness);
			}
		}
		finally {
			pool.disposeLater().block(TIMEOUT);
		}
		if (settings.enabled("large-upload")) {
			largeUpload(settings, log, results);
		}
		if (settings.enabled("startup")) {
			startup(settings, log, results);
		}
		return results;
	}

	private static void retrieve(Settings settings, PrintStream log, Results results, ImgwireEmulator emulator,
			ImgwireImagesClient client, BareNetty bare, HandWrittenWebClient webClient, LoadHarness harness) {
		emulator.reset();
		List<String> ids = seed(bare, settings.get("retrieve-images"));
		List<LoadHarness.Contender> contenders = settings
			.select(List.of(new LoadHarness.Contender(BARE, (i) -> bare.retrieve(ids.get(i % ids.size()))),
					new LoadHarness.Contender(WEB_CLIENT, (i) -> webClient.retrieve(ids.get(i % ids.size()))),
					new LoadHarness.Contender(WEB_CLIENT_FLOOR,
							(i) -> webClient.retrieveFloor(ids.get(i % ids.size()))),
					new LoadHarness.Contender(CLIENT, (i) -> client.retrieve(ids.get(i % ids.size())))));
		for (int concurrency : new int[] { 64, 1 }) {
			String name = RETRIEVE + concurrency;
			log.println("Running: " + name);
			int calls = (concurrency == 1) ? settings.get("retrieve-calls") / 4 : settings.get("retrieve-calls");
			int warmup = (concurrency == 1) ? settings.get("warmup-calls") / 4 : settings.get("warmup-calls");
			results.add(new Scenario(name, BARE,
					harness.compare(contenders, concurrency, warmup, calls, settings.get("rounds"))));
		}
	}

	private static void uploads(Settings settings, PrintStream log, Results results, ImgwireEmulator emulator,
			ImgwireImagesClient client, BareNetty bare, LoadHarness harness) {
		int uploads = settings.get("uploads");
		String name = uploads + " " + UPLOADS + ", concurrency 64";
		log.println("Running: " + name);
		byte[] content = randomPng(4096);
		Set<Object> problems = ConcurrentHashMap.newKeySet();
		Set<Object> seen = ConcurrentHashMap.newKeySet();
		// Each phase starts from an empty emulator and must leave one image per upload.
		Runnable reset = () -> {
			emulator.reset();
			seen.clear();
		};
		Consumer<Phase> check = (phase) -> {
			int stored = emulator.state().images().size();
			if (phase.errors() > 0 || stored != phase.calls() || seen.size() != phase.calls()) {
				problems.add(phase.contender() + ": " + phase.calls() + " uploads, " + phase.errors() + " failed, "
						+ seen.size() + " distinct ids, " + stored + " images stored");
			}
		};
		List<LoadHarness.Contender> contenders = settings.select(List.of(
				new LoadHarness.Contender(BARE,
						(i) -> bare.upload(content, "bare-" + i + ".png").doOnNext((image) -> seen.add(image.id())),
						reset, check),
				new LoadHarness.Contender(CLIENT,
						(i) -> client
							.upload(UploadSource.fromBytes(content),
									UploadOptions.defaults().withFileName("client-" + i + ".png"))
							.doOnNext((image) -> seen.add(image.id())),
						reset, check)));
		results.add(new Scenario(name, BARE, harness.compare(contenders, 64,
				Math.min(uploads, settings.get("warmup-calls")), uploads, settings.get("upload-rounds"))));
		results.note(name, problems.isEmpty() ? "zero duplicates: every phase stored exactly one image per upload"
				: "DUPLICATES OR LOSSES: " + problems);
		results.uploadsDuplicated(!problems.isEmpty());
	}

	private static void list(Settings settings, PrintStream log, Results results, ImgwireEmulator emulator,
			ImgwireImagesClient client, BareNetty bare, LoadHarness harness) {
		emulator.reset();
		int images = settings.get("list-images");
		int few = Math.min(1_000, images);
		int pageCalls = settings.get("page-calls");
		int rounds = settings.get("rounds");
		seed(bare, few);
		log.println("Running: " + PAGE_COST + few);
		results.add(new Scenario(PAGE_COST + few, "page 1",
				harness.compare(pages(bare, few), 1, pageCalls, pageCalls, rounds)));
		seed(bare, images - few);
		log.println("Running: " + PAGE_COST + images);
		results.add(new Scenario(PAGE_COST + images, "page 1",
				harness.compare(pages(bare, images), 1, pageCalls, pageCalls, rounds)));
		String name = LIST_ALL + images + " images";
		log.println("Running: " + name);
		int listings = settings.get("listings");
		List<LoadHarness.Contender> contenders = settings.select(List.of(
				new LoadHarness.Contender(LIST_BARE,
						(i) -> bare.listAll(100).doOnNext((count) -> expect(count, images))),
				new LoadHarness.Contender(LIST_CLIENT,
						(i) -> client.listAll(100).count().doOnNext((count) -> expect(count, images)))));
		results.add(new Scenario(name, LIST_BARE, harness.compare(contenders, 1,
				settings.get("list-warmups") * listings, listings, settings.get("list-rounds"))));
	}

	/**
	 * The first, a middle and the last page of a listing, each its own contender.
	 */
	private static List<LoadHarness.Contender> pages(BareNetty bare, int images) {
		long last = Math.max(1, (images + 99) / 100);
		Map<String, Long> pages = new LinkedHashMap<>();
		pages.put("page 1", 1L);
		pages.putIfAbsent("page " + Math.max(1, last / 2), Math.max(1, last / 2));
		pages.putIfAbsent("page " + last + " (last)", last);
		List<LoadHarness.Contender> contenders = new ArrayList<>();
		pages.forEach((name, page) -> contenders.add(new LoadHarness.Contender(name, (i) -> bare.listPage(page, 100))));
		return contenders;
	}

	private static void expect(long listed, int images) {
		if (listed != images) {
			throw new IllegalStateException("listed " + listed + " of " + images + " images");
		}
	}

	private static void largeUpload(Settings settings, PrintStream log, Results results) throws Exception {
		int mib = settings.get("large-upload-mib");
		int heap = settings.get("large-upload-heap-mib");
		String name = LARGE_UPLOAD + ((mib % 1024 == 0) ? (mib / 1024) + " GiB" : mib + " MiB") + ", -Xmx" + heap + "m";
		log.println("Running: " + name + " (in a JVM of its own)");
		Path file = Files.createTempFile("imgwire-benchmark", ".png");
		try {
			writeRandomPng(file, mib * 1024L * 1024L);
			List<String> lines = ForkedJvm.run(LargeUpload.class, List.of("-Xmx" + heap + "m"),
					List.of(file.toString(), Integer.toString(settings.get("large-upload-rounds")),
							Integer.toString(settings.get("large-upload-warmups"))),
					"PHASE", log);
			Map<String, List<Phase>> phases = new LinkedHashMap<>();
			phases.put(LargeUpload.BARE, new ArrayList<>());
			phases.put(LargeUpload.CLIENT, new ArrayList<>());
			lines.stream()
				.map(Phase::parse)
				.forEach((phase) -> Objects.requireNonNull(phases.get(phase.contender())).add(phase));
			results.add(new Scenario(name, LargeUpload.BARE, phases));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static void startup(Settings settings, PrintStream log, Results results) throws Exception {
		int runs = settings.get("startups");
		log.println("Running: Spring Boot start with and without the starter, " + runs + " cold JVMs each");
		for (int i = 0; i < runs; i++) {
			for (String variant : List.of("without", "webclient", "with")) {
				ForkedJvm.run(StartupProbe.class, List.of("-Xmx256m"), List.of(variant), "STARTUP", log)
					.forEach((line) -> results.add(Results.Startup.parse(line)));
			}
		}
	}

	/**
	 * Create images with bare requests, 64 at a time.
	 * @return their ids
	 */
	private static List<String> seed(BareNetty bare, int images) {
		return Flux.range(0, images)
			.flatMap((i) -> bare.create("seed-" + i + ".png", 4096), 64)
			.map((created) -> created.image().id().toString())
			.collectList()
			.blockOptional(TIMEOUT)
			.orElseThrow();
	}

	/**
	 * A PNG signature followed by random bytes: recognised as a PNG by its magic bytes,
	 * which is all an upload needs.
	 */
	static byte[] randomPng(int size) {
		byte[] bytes = new byte[size];
		new Random(42).nextBytes(bytes);
		System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
		return bytes;
	}

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static void writeRandomPng(Path file, long size) throws IOException {
		byte[] chunk = new byte[1024 * 1024];
		Random random = new Random(42);
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(PNG_SIGNATURE);
			long remaining = size - PNG_SIGNATURE.length;
			while (remaining > 0) {
				random.nextBytes(chunk);
				int length = (int) Math.min(chunk.length, remaining);
				out.write(chunk, 0, length);
				remaining -= length;
			}
		}
	}

}
