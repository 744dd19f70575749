package dev.imgwire.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@link ImgwireEmulatorApplication}.
 *
 * @author imgwire
 */
final class LaunchArguments {

	static final String USAGE = """
			Usage: java -jar imgwire-emulator.jar [options]

			Runs an in-memory Imgwire Resource API until the process is killed.

			Options:
			  --port=<port>                 port to listen on; 0 picks a free port (default 8089)
			  --host=<address>              address to bind (default 127.0.0.1)
			  --server-key=<key>            server API key (default: generated sk_test_...)
			  --client-key=<key>            client API key (default: generated ck_test_...)
			  --processing-delay=<delay>    time in PROCESSING before READY, e.g. 2s, 500ms, PT1S (default 0)
			  --allowed-origins=<a,b>       CORS origins to start with, e.g. https://*.example.com
			                                (default: none, which allows any origin)
			  --require-signed-uploads      client-key uploads need an upload_token
			  --storage-dir=<path>          parent directory for stored bytes (default: system temp)
			  --idle-timeout=<duration>     close idle connections and abandon request bodies that
			                                stall this long (default 30s)
			  --url-fetch-timeout=<duration>
			                                deadline for a whole upload_via_url fetch (default 10s)
			  --allow-loopback-urls[=true]  let upload_via_url fetch from loopback addresses such as
			                                127.0.0.1 (default false: public addresses only)
			  --max-json-body-bytes=<n>     size limit for JSON request bodies (default 1048576)
			  --help                        show this help
			""";

	private static final int DEFAULT_PORT = 8089;

	private final ImgwireEmulator.Builder builder = ImgwireEmulator.builder().port(DEFAULT_PORT);

	private boolean help;

	private LaunchArguments() {
	}

	/**
	 * Parse arguments.
	 * @param args the arguments
	 * @return the parsed arguments
	 * @throws IllegalArgumentException with a message for the user on bad input
	 */
	static LaunchArguments parse(String... args) {
		LaunchArguments arguments = new LaunchArguments();
		for (String arg : args) {
			arguments.apply(arg);
		}
		return arguments;
	}

	boolean help() {
		return this.help;
	}

	ImgwireEmulator.Builder builder() {
		return this.builder;
	}

	private void apply(String arg) {
		if (arg.equals("--help") || arg.equals("-h")) {
			this.help = true;
			return;
		}
		if (arg.equals("--require-signed-uploads")) {
			this.builder.requireSignedUploads(true);
			return;
		}
		if (arg.equals("--allow-loopback-urls")) {
			this.builder.allowLoopbackUrls(true);
			return;
		}
		int equals = arg.indexOf('=');
		if (!arg.startsWith("--") || equals < 0) {
			throw new IllegalArgumentException("Unknown argument '" + arg + "'");
		}
		String name = arg.substring(2, equals);
		String value = arg.substring(equals + 1);
		switch (name) {
			case "port" -> this.builder.port(parsePort(value));
			case "host" -> this.builder.host(value);
			case "server-key" -> this.builder.serverKey(value);
			case "client-key" -> this.builder.clientKey(value);
			case "processing-delay" -> this.builder.processingDelay(parseDuration(value));
			case "allowed-origins" -> this.builder.allowedOrigins(origins(value));
			case "require-signed-uploads" -> this.builder.requireSignedUploads(parseBoolean(name, value));
			case "storage-dir" -> this.builder.storageDirectory(Path.of(value));
			case "idle-timeout" -> this.builder.idleTimeout(positive(name, parseDuration(name, value)));
			case "url-fetch-timeout" -> this.builder.urlFetchTimeout(positive(name, parseDuration(name, value)));
			case "allow-loopback-urls" -> this.builder.allowLoopbackUrls(parseBoolean(name, value));
			case "max-json-body-bytes" -> this.builder.maxJsonBodyBytes(parseBytes(name, value));
			default -> throw new IllegalArgumentException("Unknown option '--" + name + "'");
		}
	}

	private static int parsePort(String value) {
		try {
			int port = Integer.parseInt(value);
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("--port must be between 0 and 65535, was " + value);
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--port must be a number, was '" + value + "'");
		}
	}

	/**
	 * Parse {@code 500ms}, {@code 2s}, {@code 1m}, ISO-8601 ({@code PT2S}) or plain
	 * milliseconds.
	 * @param value the text
	 * @return the duration
	 */
	static Duration parseDuration(String value) {
		return parseDuration("processing-delay", value);
	}

	private static Duration parseDuration(String option, String value) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		try {
			if (text.startsWith("pt")) {
				return Duration.parse(text);
			}
			if (text.endsWith("ms")) {
				return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
			}
			if (text.endsWith("s")) {
				return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
			}
			if (text.endsWith("m")) {
				return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
			}
			return Duration.ofMillis(Long.parseLong(text));
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"--" + option + " must look like 2s, 500ms or PT2S, was '" + value + "'");
		}
	}

	private static Duration positive(String option, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("--" + option + " must be positive, was " + duration);
		}
		return duration;
	}

	private static boolean parseBoolean(String option, String value) {
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(value);
		}
		throw new IllegalArgumentException("--" + option + " must be true or false, was '" + value + "'");
	}

	private static long parseBytes(String option, String value) {
		try {
			long bytes = Long.parseLong(value.trim());
			if (bytes <= 0) {
				throw new IllegalArgumentException("--" + option + " must be positive, was " + value);
			}
			return bytes;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + option + " must be a number of bytes, was '" + value + "'");
		}
	}

	private static List<String> origins(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).filter((origin) -> !origin.isEmpty()).toList();
	}

}
