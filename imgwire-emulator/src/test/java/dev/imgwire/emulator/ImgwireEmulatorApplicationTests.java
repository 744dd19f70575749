package dev.imgwire.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The standalone launcher, run as a real process where exit codes and output matter.
 */
class ImgwireEmulatorApplicationTests {

	private static final Pattern BASE_URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

	@Test
	void processPrintsBaseUrlAndKeysAndServesRequests() throws Exception {
		Process process = launch("--port=0", "--server-key=sk_test_cli", "--client-key=ck_test_cli",
				"--processing-delay=1s");
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				lines.add(out.readLine());
			}
			Matcher matcher = BASE_URL.matcher(lines.get(0));
			assertThat(matcher.find()).as(lines.toString()).isTrue();
			assertThat(lines).anyMatch((line) -> line.contains("sk_test_cli"))
				.anyMatch((line) -> line.contains("ck_test_cli"));
			String baseUrl = matcher.group(1);
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/images/"))
				.header("Authorization", "Bearer sk_test_cli")
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("[]");
		}
		finally {
			process.destroy();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	@Test
	void badArgumentsPrintUsageAndExitWithStatusTwo() throws Exception {
		Process process = launch("--port=abc");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).isEqualTo(2);
		assertThat(err).contains("--port").contains("Usage:");
	}

	@Test
	void helpPrintsUsage() throws Exception {
		Process process = launch("--help");
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).isZero();
		assertThat(out).contains("Usage:").contains("--require-signed-uploads");
	}

	@Test
	void argumentsConfigureTheEmulator() {
		LaunchArguments arguments = LaunchArguments.parse("--port=0", "--server-key=sk_test_a",
				"--client-key=ck_test_a", "--allowed-origins=https://a.example, https://b.example",
				"--require-signed-uploads");
		try (ImgwireEmulator emulator = arguments.builder().start()) {
			assertThat(emulator.serverKey()).isEqualTo("sk_test_a");
			assertThat(emulator.clientKey()).isEqualTo("ck_test_a");
			TestHttp http = new TestHttp(emulator);
			assertThat(http.postJson("/api/v1/images/standard_upload", "ck_test_a", "{\"file_name\":\"a.png\"}")
				.statusCode()).as("signed uploads required").isEqualTo(401);
		}
	}

	@Test
	@Timeout(60)
	void limitOptionsConfigureTheEmulator() {
		LaunchArguments arguments = LaunchArguments.parse("--port=0", "--idle-timeout=500ms",
				"--max-json-body-bytes=64");
		try (ImgwireEmulator emulator = arguments.builder().start()) {
			HttpResponse<String> refused = new TestHttp(emulator).postJson("/api/v1/images/standard_upload",
					emulator.serverKey(), "{\"file_name\":\"" + "a".repeat(100) + ".png\"}");
			assertThat(refused.statusCode()).isEqualTo(413);
			try (RawHttp idle = new RawHttp(emulator.port())) {
				assertThat(idle.closedByServer()).as("idle connection closed").isTrue();
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchArguments.parse("--idle-timeout=0s"))
			.withMessageContaining("--idle-timeout");
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchArguments.parse("--idle-timeout=soon"))
			.withMessageContaining("--idle-timeout");
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchArguments.parse("--max-json-body-bytes=lots"))
			.withMessageContaining("--max-json-body-bytes");
	}

	@Test
	@Timeout(60)
	void urlFetchOptionsConfigureTheEmulator() {
		try (ImgwireEmulator strict = LaunchArguments.parse("--port=0", "--url-fetch-timeout=2s").builder().start();
				ImgwireEmulator loopback = LaunchArguments.parse("--port=0", "--allow-loopback-urls").builder().start();
				ImgwireEmulator explicit = LaunchArguments.parse("--port=0", "--allow-loopback-urls=true")
					.builder()
					.start()) {
			TestHttp strictHttp = new TestHttp(strict);
			String id = strictHttp.upload("a.png", "image/png", SampleImages.png(2, 2));
			String cdnUrl = strictHttp.retrieve(id).get("cdn_url").stringValue();
			String body = "{\"url\":\"" + cdnUrl + "\"}";
			assertThat(strictHttp.postJson("/api/v1/images/upload_via_url", strict.serverKey(), body).statusCode())
				.as("loopback refused by default")
				.isEqualTo(400);
			for (ImgwireEmulator allowed : List.of(loopback, explicit)) {
				HttpResponse<String> copied = new TestHttp(allowed).postJson("/api/v1/images/upload_via_url",
						allowed.serverKey(), body);
				assertThat(copied.statusCode()).as(copied.body()).isEqualTo(200);
			}
		}
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchArguments.parse("--url-fetch-timeout=-1s"))
			.withMessageContaining("--url-fetch-timeout");
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchArguments.parse("--allow-loopback-urls=yes"))
			.withMessageContaining("--allow-loopback-urls");
	}

	@Test
	void processingDelayAcceptsSecondsMillisecondsAndIsoDurations() {
		assertThat(LaunchArguments.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
		assertThat(LaunchArguments.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
		assertThat(LaunchArguments.parseDuration("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
		assertThat(LaunchArguments.parseDuration("40")).isEqualTo(Duration.ofMillis(40));
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchArguments.parseDuration("soon"));
	}

	@Test
	void unknownOptionsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchArguments.parse("--colour=blue"))
			.withMessageContaining("--colour");
		assertThatIllegalArgumentException().isThrownBy(() -> LaunchArguments.parse("8089"));
	}

	private static Process launch(String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(ImgwireEmulatorApplication.class.getName());
		command.addAll(List.of(args));
		return new ProcessBuilder(command).start();
	}

}
