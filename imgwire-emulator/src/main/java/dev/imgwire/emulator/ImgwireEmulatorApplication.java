package dev.imgwire.emulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link ImgwireEmulator} as a standalone process, e.g. for a sample app or a
 * manual {@code curl} session:
 * {@code java -jar imgwire-emulator.jar --port=8089 --server-key=sk_test_x}.
 *
 * @author imgwire
 */
public final class ImgwireEmulatorApplication {

	/** Exit status for unusable arguments, as for most command-line tools. */
	static final int USAGE_ERROR = 2;

	private ImgwireEmulatorApplication() {
	}

	public static void main(String[] args) throws InterruptedException {
		LaunchArguments arguments;
		try {
			arguments = LaunchArguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("Error: " + ex.getMessage());
			System.err.println();
			System.err.print(LaunchArguments.USAGE);
			System.exit(USAGE_ERROR);
			return;
		}
		if (arguments.help()) {
			System.out.print(LaunchArguments.USAGE);
			return;
		}
		ImgwireEmulator emulator = arguments.builder().start();
		Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "imgwire-emulator-shutdown"));
		printBanner(emulator, System.out);
		// The event loop threads are daemons, so the main thread keeps the process alive
		// until it is killed; the shutdown hook then closes the emulator.
		new CountDownLatch(1).await();
	}

	static void printBanner(ImgwireEmulator emulator, PrintStream out) {
		out.println("Imgwire emulator listening on " + emulator.baseUrl());
		out.println("  server key: " + emulator.serverKey());
		out.println("  client key: " + emulator.clientKey());
		out.println("Press Ctrl+C to stop.");
		out.flush();
	}

}
