package dev.imgwire.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import dev.imgwire.client.ImgwireClientSettings;
import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.ImgwireEmulator;

/**
 * Measures the client against baselines in one process, on an in-process emulator, and
 * prints the ratios side by side. Absolute times depend on the machine; the ratios are
 * what to compare between runs.
 * <p>
 * Arguments: {@code --upload-mib=N} (size of the uploaded file, default 64),
 * {@code --images=N} (images to list, default 1000), {@code --iterations=N} (default 5),
 * {@code --warmups=N} (default 2).
 */
public final class ImgwireBenchmarks {

	private static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);

	private ImgwireBenchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.parse(args);
		List<Comparison> comparisons = run(settings, System.out);
		System.out.println();
		System.out.println(Comparison.header());
		comparisons.forEach((comparison) -> System.out.println(comparison.format()));
	}

	static List<Comparison> run(Settings settings, PrintStream log) throws Exception {
		Path file = Files.createTempFile("imgwire-benchmark", ".png");
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			writeRandomPng(file, settings.uploadMib() * 1024L * 1024L);
			ImgwireImagesClient client = ImgwireImagesClient
				.builder(WebClient.builder(), ImgwireClientSettings.of(emulator.baseUrl(), emulator.serverKey()))
				.build();
			RawImgwireHttp raw = new RawImgwireHttp(emulator.baseUrl(), emulator.serverKey());
			BenchmarkRunner runner = new BenchmarkRunner(settings.warmups(), settings.iterations());
			List<Comparison> comparisons = new ArrayList<>();
			String upload = "upload " + settings.uploadMib() + " MiB";
			log.println("Running: " + upload + ", streamed");
			comparisons.add(runner.compare(upload + ", streamed", "JDK HttpClient ofFile", () -> raw.upload(file, "image/png"),
					"client.upload(fromPath)", () -> uploadPath(client, file)));
			log.println("Running: " + upload + ", buffered vs streamed");
			comparisons.add(runner.compare(upload + ", buffered vs streamed", "client.upload(readAllBytes)",
					() -> client.upload(UploadSource.fromBytes(Files.readAllBytes(file)), UploadOptions.defaults()
						.withFileName("buffered.png")).block(CALL_TIMEOUT),
					"client.upload(fromPath)", () -> uploadPath(client, file)));
			emulator.reset();
			seed(client, settings.images());
			String list = "list " + settings.images() + " images, 100 per page";
			log.println("Running: " + list);
			comparisons.add(runner.compare(list, "JDK HttpClient page loop", () -> raw.listAll(100),
					"client.listAll(100)", () -> client.listAll(100).count().block(CALL_TIMEOUT)));
			return comparisons;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static void uploadPath(ImgwireImagesClient client, Path file) {
		client.upload(UploadSource.fromPath(file), UploadOptions.defaults()).block(CALL_TIMEOUT);
	}

	private static void seed(ImgwireImagesClient client, int images) {
		Flux.range(0, images)
			.flatMap((i) -> client.createStandardUpload(
					StandardUploadRequest.of("seed-" + i + ".png").withMimeType(SupportedMimeType.PNG)), 8)
			.blockLast(CALL_TIMEOUT);
	}

	/**
	 * A PNG signature followed by random bytes: large, incompressible and recognised as a
	 * PNG by name and magic bytes, which is all an upload needs.
	 */
	private static void writeRandomPng(Path file, long size) throws IOException {
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		byte[] chunk = new byte[64 * 1024];
		Random random = new Random(42);
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(signature);
			long remaining = size - signature.length;
			while (remaining > 0) {
				random.nextBytes(chunk);
				int length = (int) Math.min(chunk.length, remaining);
				out.write(chunk, 0, length);
				remaining -= length;
			}
		}
	}

	record Settings(int uploadMib, int images, int iterations, int warmups) {

		static Settings parse(String[] args) {
			Settings settings = new Settings(64, 1000, 5, 2);
			for (String arg : args) {
				String[] pair = arg.replaceFirst("^--", "").split("=", 2);
				if (pair.length != 2) {
					throw new IllegalArgumentException("Expected --name=value, got '" + arg + "'");
				}
				int value = Integer.parseInt(pair[1]);
				settings = switch (pair[0]) {
					case "upload-mib" -> new Settings(value, settings.images, settings.iterations, settings.warmups);
					case "images" -> new Settings(settings.uploadMib, value, settings.iterations, settings.warmups);
					case "iterations" -> new Settings(settings.uploadMib, settings.images, value, settings.warmups);
					case "warmups" -> new Settings(settings.uploadMib, settings.images, settings.iterations, value);
					default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
				};
			}
			return settings;
		}

	}

}
