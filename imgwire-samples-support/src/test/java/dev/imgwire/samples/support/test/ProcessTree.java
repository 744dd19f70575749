package dev.imgwire.samples.support.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A started process and everything it starts, ended together. {@code mvnw} starts Maven,
 * which forks the application's JVM: destroying only the first would leave the other two
 * running, holding the port.
 *
 * <p>
 * A JVM shutdown hook ends the tree too, should the test JVM be stopped before
 * {@link #close()} runs.
 *
 * @author Imgwire
 */
public final class ProcessTree implements AutoCloseable {

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final Process root;

	private final Thread shutdownHook;

	public ProcessTree(Process root) {
		this.root = root;
		this.shutdownHook = new Thread(this::destroy, "process-tree-cleanup");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	public Process root() {
		return this.root;
	}

	/**
	 * The processes still running: the root and all its descendants.
	 * @return the live processes
	 */
	public List<ProcessHandle> alive() {
		List<ProcessHandle> all = new ArrayList<>();
		all.add(this.root.toHandle());
		this.root.descendants().forEach(all::add);
		return all.stream().filter(ProcessHandle::isAlive).toList();
	}

	@Override
	public void close() {
		destroy();
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook is running or has run.
		}
	}

	private void destroy() {
		// Collected before anything is ended: once a parent exits, its children are
		// re-parented and no longer show up as its descendants.
		List<ProcessHandle> tree = new ArrayList<>();
		this.root.descendants().forEach(tree::add);
		tree.add(this.root.toHandle());
		// A polite request first (SIGTERM): the application runs its shutdown hooks and
		// closes the embedded emulator.
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle process : tree) {
			if (!awaitExit(process, GRACE)) {
				process.destroyForcibly();
				awaitExit(process, GRACE);
			}
		}
	}

	private static boolean awaitExit(ProcessHandle process, Duration timeout) {
		CompletableFuture<ProcessHandle> exit = process.onExit();
		try {
			exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return !process.isAlive();
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

}
