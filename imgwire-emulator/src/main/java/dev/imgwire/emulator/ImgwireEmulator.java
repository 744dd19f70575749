package dev.imgwire.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import dev.imgwire.emulator.cdn.CdnCacheStatistics;
import dev.imgwire.emulator.cdn.CdnVariants;
import dev.imgwire.emulator.fault.FaultQueue;
import dev.imgwire.emulator.fault.Faults;
import dev.imgwire.emulator.processing.AddressPolicy;
import dev.imgwire.emulator.processing.ProcessingScheduler;
import dev.imgwire.emulator.processing.RemoteImageFetcher;
import dev.imgwire.emulator.routes.EmulatorRoutes;
import dev.imgwire.emulator.routes.ServerSettings;
import dev.imgwire.emulator.routes.http.EmptyErrorBodies;
import dev.imgwire.emulator.routes.http.EmulatorHttpHandler;
import dev.imgwire.emulator.routes.http.LingeringClose;
import dev.imgwire.emulator.routes.wire.Endpoints;
import dev.imgwire.emulator.state.EmulatorState;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.RandomSecrets;

/**
 * An in-memory Imgwire Resource API on loopback HTTP: images with uploads, presigned
 * PUTs, CDN, upload tokens and download jobs; CORS origins that really govern CORS; a
 * custom domain; metrics computed from what the emulator served. Plus fault injection and
 * state inspection for tests.
 *
 * <pre class="code">
 * try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
 *     client = newClient(emulator.baseUrl(), emulator.serverKey());
 *     ...
 * }
 * </pre>
 *
 * Each emulator owns its event loop, processing threads and storage directory, all
 * released by {@link #close()}, so many emulators can come and go in one JVM.
 * <p>
 * Longer than the other classes because its {@link Builder} documents each of the
 * emulator's options where users look for them; the behaviour lives in the routes, state
 * and processing packages.
 *
 * @author imgwire
 */
public final class ImgwireEmulator implements AutoCloseable {

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

	private final String serverKey;

	private final String clientKey;

	private final UUID environmentId = UUID.randomUUID();

	private final EmulatorStore store;

	private final FaultQueue faultQueue = new FaultQueue();

	private final Faults faults = new Faults(this.faultQueue);

	private final EmulatorState state;

	private final List<String> seedOrigins;

	private final LoopResources loops;

	private final ProcessingScheduler scheduler;

	private final CdnVariants cdnVariants;

	private final DisposableServer server;

	private final String baseUrl;

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * Open client connections. Disposing the server only stops accepting; a client
	 * holding a keep-alive connection would otherwise wait for its timeout instead of
	 * failing fast.
	 */
	private final ChannelGroup connections = new DefaultChannelGroup("imgwire-emulator", GlobalEventExecutor.INSTANCE);

	private volatile EmulatorHttpHandler handler;

	private ImgwireEmulator(Builder builder) {
		this.serverKey = (builder.serverKey != null) ? builder.serverKey : RandomSecrets.token("sk_test_");
		this.clientKey = (builder.clientKey != null) ? builder.clientKey : RandomSecrets.token("ck_test_");
		if (this.serverKey.equals(this.clientKey)) {
			throw new IllegalArgumentException("serverKey and clientKey must differ");
		}
		this.store = new EmulatorStore(builder.storageDirectory, this.environmentId, builder.clock);
		this.state = new EmulatorState(this.store);
		this.seedOrigins = builder.allowedOrigins;
		seedCorsOrigins();
		this.loops = LoopResources.create("imgwire-emulator", 2, true);
		this.scheduler = new ProcessingScheduler(builder.processingDelay);
		this.cdnVariants = new CdnVariants(builder.cdnCacheBytes);
		try {
			this.server = HttpServer.create()
				.host(builder.host)
				.port(builder.port)
				.runOn(this.loops, false)
				// Reaps connections that sit idle between requests; a stalling request
				// body is bounded by the same duration in Exchange.
				.idleTimeout(builder.idleTimeout)
				.doOnChannelInit((observer, channel, remote) -> {
					EmptyErrorBodies.install(channel);
					LingeringClose.install(channel);
				})
				.doOnConnection((connection) -> this.connections.add(connection.channel()))
				.handle((request, response) -> {
					EmulatorHttpHandler current = this.handler;
					return (current != null) ? current.apply(request, response) : response.status(503).send();
				})
				.bindNow(SHUTDOWN_TIMEOUT);
		}
		catch (RuntimeException ex) {
			releaseResources();
			throw new IllegalStateException("Could not start the Imgwire emulator on " + builder.host + ":"
					+ builder.port + ": " + ex.getMessage(), ex);
		}
		this.baseUrl = "http://" + urlHost(builder.host) + ":" + this.server.port();
		Endpoints endpoints = new Endpoints(this.baseUrl, UUID.randomUUID(), this.environmentId);
		ServerSettings settings = new ServerSettings(this.serverKey, this.clientKey, builder.requireSignedUploads,
				builder.uploadUrlTtl, builder.uploadTokenTtl, builder.maxUrlFetchBytes, builder.maxUploadBytes,
				builder.maxJsonBodyBytes, builder.idleTimeout);
		RemoteImageFetcher fetcher = new RemoteImageFetcher(this.loops, this.scheduler.blocking(),
				new AddressPolicy(builder.allowLoopbackUrls), builder.urlFetchTimeout);
		// The URLs handed out embed the port, which is only known after binding; until
		// this assignment the server answers 503.
		this.handler = EmulatorRoutes.handler(settings, endpoints, this.store, this.faultQueue, this.scheduler, fetcher,
				this.cdnVariants);
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start an emulator on a free loopback port with generated keys.
	 * @return the running emulator
	 */
	public static ImgwireEmulator start() {
		return builder().start();
	}

	/**
	 * The base URL, such as {@code http://127.0.0.1:54321}, without trailing slash.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	public int port() {
		return this.server.port();
	}

	public String serverKey() {
		return this.serverKey;
	}

	public String clientKey() {
		return this.clientKey;
	}

	/**
	 * The emulated environment: the {@code environment_id} of every record and the second
	 * path segment of every {@code cdn_url}. Random per emulator.
	 * @return the environment id
	 */
	public UUID environmentId() {
		return this.environmentId;
	}

	public Faults faults() {
		return this.faults;
	}

	public EmulatorState state() {
		return this.state;
	}

	/**
	 * The cache of transformed CDN variants: what it holds and how often transformations
	 * were encoded or answered from it, e.g. to check that a client's repeated request
	 * did not transform again.
	 * @return a snapshot of the cache
	 */
	public CdnCacheStatistics cdnCache() {
		return this.cdnVariants.statistics();
	}

	/**
	 * Forget everything: images, tokens, jobs, stored bytes, CORS origins, pending
	 * faults, cached CDN variants and all counters. Keys, base URL and configuration
	 * stay, so the CORS origins given to the builder are created afresh.
	 */
	public void reset() {
		this.faultQueue.reset();
		this.store.reset();
		this.cdnVariants.clear();
		seedCorsOrigins();
	}

	private void seedCorsOrigins() {
		for (String pattern : this.seedOrigins) {
			this.store.corsOrigins().create(pattern, this.store.now());
		}
	}

	/**
	 * Stop the server, release its threads and delete its storage. Idempotent.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		try {
			this.server.disposeNow(SHUTDOWN_TIMEOUT);
		}
		catch (RuntimeException ex) {
			// Closing the connections below still frees the port's clients.
		}
		this.connections.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
		releaseResources();
	}

	private void releaseResources() {
		this.scheduler.close();
		this.cdnVariants.close();
		try {
			// No quiet period: nothing should run on these loops any more, and the
			// default two seconds would make every test class that closes an emulator
			// slow.
			this.loops.disposeLater(Duration.ZERO, SHUTDOWN_TIMEOUT).block(SHUTDOWN_TIMEOUT.plusSeconds(1));
		}
		catch (RuntimeException ex) {
			// Daemon threads; they cannot keep the JVM alive.
		}
		this.store.destroy();
	}

	private static String urlHost(String host) {
		return (host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host;
	}

	@Override
	public String toString() {
		return "ImgwireEmulator[baseUrl=" + this.baseUrl + "]";
	}

	/**
	 * Configures and starts an {@link ImgwireEmulator}.
	 */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private @Nullable String serverKey;

		private @Nullable String clientKey;

		private Duration processingDelay = Duration.ZERO;

		private boolean requireSignedUploads;

		private List<String> allowedOrigins = List.of();

		private Duration uploadUrlTtl = Duration.ofMinutes(15);

		private Duration uploadTokenTtl = Duration.ofMinutes(10);

		private long maxUrlFetchBytes = 20L * 1024 * 1024;

		private long maxUploadBytes = 1024L * 1024 * 1024;

		private long cdnCacheBytes = CdnVariants.DEFAULT_CACHE_BYTES;

		private long maxJsonBodyBytes = 1024L * 1024;

		private Duration idleTimeout = Duration.ofSeconds(30);

		private Duration urlFetchTimeout = Duration.ofSeconds(10);

		private boolean allowLoopbackUrls;

		private @Nullable Path storageDirectory;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * Address to bind; loopback by default, since the emulator accepts any upload.
		 * @param host the host or IP address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = requireText(host, "host");
			return this;
		}

		/**
		 * Port to bind; {@code 0}, the default, picks a free port.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
			}
			this.port = port;
			return this;
		}

		public Builder serverKey(String key) {
			this.serverKey = requireText(key, "serverKey");
			return this;
		}

		public Builder clientKey(String key) {
			this.clientKey = requireText(key, "clientKey");
			return this;
		}

		/**
		 * Time an uploaded image spends in PROCESSING before READY or QUARANTINE, and a
		 * download job in PENDING. With the default of zero the verdict is visible before
		 * the upload's response is sent.
		 * @param delay the delay
		 * @return this builder
		 */
		public Builder processingDelay(Duration delay) {
			this.processingDelay = requireNonNegative(delay, "processingDelay");
			return this;
		}

		/**
		 * Whether a client-key {@code standard_upload} needs a valid
		 * {@code upload_token}.
		 * @param required whether signed uploads are required
		 * @return this builder
		 */
		public Builder requireSignedUploads(boolean required) {
			this.requireSignedUploads = required;
			return this;
		}

		/**
		 * CORS origins the environment starts with, as if created through
		 * {@code POST /api/v1/cors_origins/}: they are listed by the API and can be
		 * changed or deleted there. With none, the default, any origin is allowed until
		 * one is created.
		 * @param origins the patterns, such as {@code https://app.example.com} or
		 * {@code https://*.example.com}
		 * @return this builder
		 */
		public Builder allowedOrigins(List<String> origins) {
			if (origins == null) {
				throw new IllegalArgumentException("origins must not be null");
			}
			List<String> copy = new ArrayList<>();
			for (String origin : origins) {
				copy.add(requireText(origin, "origin"));
			}
			this.allowedOrigins = List.copyOf(copy);
			return this;
		}

		public Builder uploadUrlTtl(Duration ttl) {
			this.uploadUrlTtl = requireNonNegative(ttl, "uploadUrlTtl");
			return this;
		}

		/**
		 * Validity of upload tokens; zero issues tokens that are already expired, which
		 * is handy for testing expiry.
		 * @param ttl the validity
		 * @return this builder
		 */
		public Builder uploadTokenTtl(Duration ttl) {
			this.uploadTokenTtl = requireNonNegative(ttl, "uploadTokenTtl");
			return this;
		}

		public Builder maxUrlFetchBytes(long bytes) {
			this.maxUrlFetchBytes = requirePositive(bytes, "maxUrlFetchBytes");
			return this;
		}

		public Builder maxUploadBytes(long bytes) {
			this.maxUploadBytes = requirePositive(bytes, "maxUploadBytes");
			return this;
		}

		/**
		 * Bound on the bytes of transformed CDN variants kept in memory, least recently
		 * used out first; 64 MiB by default. Zero caches nothing.
		 * @param bytes the bound
		 * @return this builder
		 */
		public Builder cdnCacheBytes(long bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("cdnCacheBytes must be zero or positive, was " + bytes);
			}
			this.cdnCacheBytes = bytes;
			return this;
		}

		/**
		 * Size limit for JSON request bodies, 1 MiB by default. A larger body is answered
		 * with 413 {@code PayloadTooLargeError} without reading the rest of it.
		 * @param bytes the limit
		 * @return this builder
		 */
		public Builder maxJsonBodyBytes(long bytes) {
			this.maxJsonBodyBytes = requirePositive(bytes, "maxJsonBodyBytes");
			return this;
		}

		/**
		 * How long a connection may sit idle between requests, and a request body may go
		 * without a byte arriving, before the emulator gives up on it; 30 seconds by
		 * default. A stalled body is answered with 408 {@code RequestTimeoutError}, its
		 * partial upload deleted and the image released for another PUT.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public Builder idleTimeout(Duration timeout) {
			this.idleTimeout = requirePositive(timeout, "idleTimeout");
			return this;
		}

		/**
		 * Deadline for a whole {@code upload_via_url} fetch, from resolving the host to
		 * the last byte, 10 seconds by default; a source that is slower fails with 400
		 * {@code UrlFetchError}.
		 * @param timeout the deadline
		 * @return this builder
		 */
		public Builder urlFetchTimeout(Duration timeout) {
			this.urlFetchTimeout = requirePositive(timeout, "urlFetchTimeout");
			return this;
		}

		/**
		 * Whether {@code upload_via_url} may fetch from loopback addresses such as
		 * {@code 127.0.0.1}, e.g. an image's own {@code cdn_url} on this emulator or a
		 * test's local server. Off by default: like the real Imgwire, the emulator
		 * fetches only from public addresses, and refuses loopback, private, link-local,
		 * unspecified and multicast ones with 400 {@code UrlFetchError}. Private and
		 * other non-public ranges stay refused either way.
		 * @param allow whether to allow loopback sources
		 * @return this builder
		 */
		public Builder allowLoopbackUrls(boolean allow) {
			this.allowLoopbackUrls = allow;
			return this;
		}

		/**
		 * Directory in which the emulator creates its own storage directory; the system
		 * temp directory by default. Only the emulator's own subdirectory is deleted on
		 * close.
		 * @param directory the parent directory
		 * @return this builder
		 */
		public Builder storageDirectory(Path directory) {
			if (directory == null) {
				throw new IllegalArgumentException("directory must not be null");
			}
			this.storageDirectory = directory;
			return this;
		}

		/**
		 * The clock behind every timestamp the emulator writes and every expiry it
		 * checks: {@code created_at}, upload URL and token expiry, and the time of each
		 * usage event that metrics count. The system UTC clock by default; a test can
		 * pass a clock it moves itself to put events into chosen metrics buckets.
		 * Processing delays and fault stalls run in real time regardless.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			if (clock == null) {
				throw new IllegalArgumentException("clock must not be null");
			}
			this.clock = clock;
			return this;
		}

		public ImgwireEmulator start() {
			return new ImgwireEmulator(this);
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must not be blank");
			}
			return value;
		}

		private static Duration requireNonNegative(Duration value, String name) {
			if (value == null || value.isNegative()) {
				throw new IllegalArgumentException(name + " must be zero or positive");
			}
			return value;
		}

		private static Duration requirePositive(Duration value, String name) {
			if (value == null || value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return value;
		}

		private static long requirePositive(long value, String name) {
			if (value <= 0) {
				throw new IllegalArgumentException(name + " must be positive, was " + value);
			}
			return value;
		}

	}

}
