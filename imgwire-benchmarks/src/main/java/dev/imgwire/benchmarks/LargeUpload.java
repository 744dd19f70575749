package dev.imgwire.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
 * The large upload, run in a JVM of its own with a small heap ({@code -Xmx64m}): the
 * client's {@code upload(UploadSource.fromPath(…))} against a bare create and {@code PUT}
 * sent with {@code sendFile}, on an emulator in the same JVM that stores the bytes on
 * disk. Prints its phases for the parent.
 * <p>
 * Arguments: the file, the rounds, the warm-up uploads per contender.
 */
public final class LargeUpload {

	static final String BARE = "bare create + PUT (sendFile)";

	static final String CLIENT = "client.upload(fromPath)";

	private LargeUpload() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int rounds = Integer.parseInt(args[1]);
		int warmups = Integer.parseInt(args[2]);
		long size = Files.size(file);
		Path storage = Files.createTempDirectory("imgwire-benchmark-storage");
		ConnectionProvider pool = ConnectionProvider.builder("imgwire-benchmarks").maxConnections(8).build();
		HttpClient http = HttpClient.create(pool);
		try (ImgwireEmulator emulator = ImgwireEmulator.builder()
			.storageDirectory(storage)
			.maxUploadBytes(Math.max(size, 1))
			.start()) {
			ImgwireImagesClient client = ImgwireImagesClient
				.builder(WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)),
						ImgwireClientSettings.of(emulator.baseUrl(), emulator.serverKey()))
				.build();
			BareNetty bare = new BareNetty(http, emulator.baseUrl(), emulator.serverKey());
			Runnable reset = emulator::reset;
			LoadHarness harness = new LoadHarness();
			Map<String, List<Phase>> phases = harness
				.compare(List.of(new LoadHarness.Contender(BARE, (i) -> bare.uploadFile(file, size), reset, (phase) -> {
				}), new LoadHarness.Contender(CLIENT,
						(i) -> client.upload(UploadSource.fromPath(file), UploadOptions.defaults()), reset, (phase) -> {
						})), 1, warmups, 1, rounds);
			phases.values().forEach((list) -> list.forEach((phase) -> System.out.println(phase.toLine())));
			System.out.println("HEAP\t" + Runtime.getRuntime().maxMemory());
		}
		finally {
			pool.disposeLater().block();
			try (var files = Files.walk(storage)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

}
