package dev.imgwire.samples.support.test;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A sample started with the README's run command, {@code ./mvnw -pl <sample> -am
 * spring-boot:run}, as on a fresh clone: no Imgwire keys, so the embedded emulator. It
 * runs offline and quietly, on a free port, with its output in
 * {@code target/readme-run-command.log}; closing it ends Maven and the application's JVM
 * it forked.
 *
 * <p>
 * For a Failsafe integration test, which runs after the module is packaged: the Maven
 * build it starts touches the module's {@code target} folder, which no other test is
 * using by then.
 *
 * @author Imgwire
 */
public final class ReadmeRunCommand implements AutoCloseable {

	private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);

	private static final Pattern GENERATED_PASSWORD = Pattern.compile("generated password (\\S+)");

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	private final Path log;

	private final ProcessTree tree;

	private ReadmeRunCommand(int port, Path log, ProcessTree tree) {
		this.port = port;
		this.log = log;
		this.tree = tree;
	}

	/**
	 * Start the README's run command for a sample.
	 * @param module the sample's module, such as {@code imgwire-sample-app}
	 * @return the running command; close it when done
	 * @throws IOException when it cannot be started
	 */
	public static ReadmeRunCommand start(String module) throws IOException {
		Path root = repositoryRoot();
		int port = freePort();
		Path log = Files.createDirectories(Path.of("target")).resolve("readme-run-command.log");
		ProcessBuilder command = new ProcessBuilder(List.of(root.resolve("mvnw").toString(), "-o", "-q", "-pl", module,
				"-am", "spring-boot:run", "-Dspring-boot.run.arguments=--server.port=" + port))
			.directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// The README's scenario is a fresh clone without keys: the embedded emulator.
		command.environment().remove("IMGWIRE_API_KEY");
		command.environment().remove("IMGWIRE_SERVER_KEY");
		return new ReadmeRunCommand(port, log, new ProcessTree(command.start()));
	}

	public int port() {
		return this.port;
	}

	/**
	 * Wait for the app to answer with its login page, as a person opening it would see
	 * it, and read the password it logged for the {@code demo} user.
	 * @return the generated password
	 * @throws InterruptedException when interrupted while waiting
	 */
	public String awaitLoginPageAndGeneratedPassword() throws InterruptedException {
		awaitLoginPage();
		Matcher matcher = GENERATED_PASSWORD.matcher(log());
		if (!matcher.find()) {
			fail("No generated password in the log:%n%s", tail());
		}
		return matcher.group(1);
	}

	/**
	 * All the command has printed so far.
	 * @return the log
	 */
	public String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * End the command and check that it left no process behind: Maven and the
	 * application's JVM end with the wrapper.
	 */
	public void stopLeavingNothingBehind() {
		this.tree.close();
		assertThat(this.tree.alive()).as("processes left behind").isEmpty();
	}

	@Override
	public void close() {
		this.tree.close();
	}

	private void awaitLoginPage() throws InterruptedException {
		Instant deadline = Instant.now().plus(STARTUP_LIMIT);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!this.tree.root().isAlive()) {
				fail("The run command exited with %d before the app answered:%n%s", this.tree.root().exitValue(),
						tail());
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
		fail("The app did not answer on port %d within %s:%n%s", this.port, STARTUP_LIMIT, tail());
	}

	private String tail() {
		List<String> lines = log().lines().toList();
		return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 80), lines.size()));
	}

	private static Path repositoryRoot() {
		// Failsafe runs in the sample's module directory; the wrapper is in its parent.
		Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
		assertThat(root.resolve("mvnw")).as("Maven wrapper in the repository root").isExecutable();
		return root;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
