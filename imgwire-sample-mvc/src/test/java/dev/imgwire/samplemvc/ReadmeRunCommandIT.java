package dev.imgwire.samplemvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.imgwire.samplemvc.support.MvcAppClient;
import dev.imgwire.samplemvc.support.ProcessTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The README's run command works on this checkout: {@code ./mvnw -pl imgwire-sample-mvc
 * -am spring-boot:run} builds what the sample needs, starts it on Tomcat with the
 * embedded emulator, and a person can log in with the password from the log and see the
 * gallery.
 * <p>
 * An integration test, run by Failsafe after the module is packaged: the Maven build it
 * starts touches this module's {@code target} folder, which no other test is using by
 * then.
 *
 * @author Imgwire
 */
class ReadmeRunCommandIT {

	private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

	private static final Pattern GENERATED_PASSWORD = Pattern.compile("generated password (\\S+)");

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void readmeRunCommandStartsTheAppWhoseLoginPageAcceptsThePasswordFromTheLog() throws Exception {
		Path root = repositoryRoot();
		int port = freePort();
		Path log = Files.createDirectories(Path.of("target")).resolve("readme-run-command.log");
		// The README's command, offline and quiet, on a free port instead of 8081.
		ProcessBuilder command = new ProcessBuilder(List.of(root.resolve("mvnw").toString(), "-o", "-q", "-pl",
				"imgwire-sample-mvc", "-am", "spring-boot:run", "-Dspring-boot.run.arguments=--server.port=" + port))
			.directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// The README's scenario is a fresh clone without keys: the embedded emulator.
		command.environment().remove("IMGWIRE_API_KEY");
		command.environment().remove("IMGWIRE_SERVER_KEY");

		try (ProcessTree tree = new ProcessTree(command.start())) {
			awaitLoginPage(tree, port, log);
			String password = generatedPassword(log)
				.orElseGet(() -> fail("No generated password in the log:%n%s", tail(log)));
			String gallery = new MvcAppClient(port).login("demo", password).gallery();
			assertThat(gallery).contains("No images yet");
			assertThat(Files.readString(log)).contains("using the embedded Imgwire emulator at http://127.0.0.1:")
				.contains("Tomcat started on port " + port);
			tree.close();
			assertThat(tree.alive()).as("processes left behind").isEmpty();
		}
	}

	private void awaitLoginPage(ProcessTree tree, int port, Path log) throws InterruptedException {
		Instant deadline = Instant.now().plus(STARTUP_LIMIT);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!tree.root().isAlive()) {
				fail("The run command exited with %d before the app answered:%n%s", tree.root().exitValue(),
						tail(log));
			}
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("id=\"login-form\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(1000);
		}
		fail("The app did not answer on port %d within %s:%n%s", port, STARTUP_LIMIT, tail(log));
	}

	private static Optional<String> generatedPassword(Path log) throws IOException {
		Matcher matcher = GENERATED_PASSWORD.matcher(Files.readString(log, StandardCharsets.UTF_8));
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private static Path repositoryRoot() {
		// Failsafe runs in the module directory; the wrapper is in its parent.
		Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
		assertThat(root.resolve("mvnw")).as("Maven wrapper in the repository root").isExecutable();
		return root;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 80), lines.size()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
