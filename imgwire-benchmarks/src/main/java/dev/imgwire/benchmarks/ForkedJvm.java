package dev.imgwire.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a benchmark's main class in a JVM of its own, on this JVM's class path: for what
 * must be measured in a small heap, or from a cold start. Lines the child prints with a
 * given prefix are its results; the rest goes to the log.
 */
final class ForkedJvm {

	private ForkedJvm() {
	}

	/**
	 * Run a main class and collect its result lines.
	 * @param mainClass the class
	 * @param jvmOptions options such as {@code -Xmx64m}
	 * @param arguments the program arguments
	 * @param prefix what result lines start with
	 * @param log where other lines go
	 * @return the result lines
	 */
	static List<String> run(Class<?> mainClass, List<String> jvmOptions, List<String> arguments, String prefix,
			PrintStream log) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-Djava.net.preferIPv4Stack=true");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> results = new ArrayList<>();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith(prefix)) {
					results.add(line);
				}
				else {
					log.println("  [" + mainClass.getSimpleName() + "] " + line);
				}
			}
		}
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new IllegalStateException(mainClass.getSimpleName() + " failed (exit "
					+ (process.isAlive() ? "timeout" : process.exitValue()) + ")");
		}
		return results;
	}

}
