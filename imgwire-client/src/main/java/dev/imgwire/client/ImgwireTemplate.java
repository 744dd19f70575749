package dev.imgwire.client;

import java.time.Duration;
import java.util.Objects;

import io.micrometer.observation.ObservationRegistry;

/**
 * The blocking Imgwire client, for Spring MVC controllers, virtual threads, batch jobs
 * and tests: the blocking counterpart of {@link ImgwireClient}, in Spring's template
 * tradition. Each resource template has the operations of its reactive client, with the
 * same names, and returns plain values instead of {@code Mono} and a lazy
 * {@link java.util.stream.Stream} instead of a paginated {@code Flux}.
 *
 * <pre class="code">
 * ImgwireTemplate imgwire = new ImgwireTemplate(client);
 * Image image = imgwire.images().upload(UploadSource.fromPath(path), UploadOptions.defaults());
 * try (Stream&lt;Image&gt; images = imgwire.images().listAll(100)) {
 *     images.limit(10).forEach(this::show);
 * }
 * </pre>
 *
 * <h2>One stack</h2> Every call delegates to the wrapped reactive client, so validation
 * (before anything is sent), retries, per-attempt timeouts, observations and typed errors
 * are the reactive client's. A call throws the
 * {@link dev.imgwire.client.error.ImgwireException ImgwireException} subtype the reactive
 * call failed with, unwrapped; the waiting caller's stack is added to it as a suppressed
 * exception. The observation of a call is a child of the caller's current observation in
 * the client's registry (the MVC request's, for example).
 *
 * <h2>Deadlines</h2> Each call is bounded twice: by the client's own deadlines (response,
 * upload and ready timeouts, retries) and by the template's {@link #blockTimeout() block
 * timeout}, the longest any call may block. When the block timeout passes first, the call
 * is cancelled and an {@link dev.imgwire.client.error.ImgwireTimeoutException} says so.
 * The operations that take a timeout ({@code awaitReady}, {@code awaitDownloadJob}) may
 * block for that timeout plus the block timeout, so that their own deadline is the one
 * that reports. A stream waits at most the block timeout for each element. Unless set,
 * the block timeout is the longest call the client's own deadlines allow, so that it
 * never cuts one short: an upload that uses every attempt and back-off of its create
 * request, its {@code PUT} and its final retrieve and then waits for {@code READY} (37
 * minutes with the client's defaults; a custom retry strategy is assumed to retry as the
 * retry policy says). Set a shorter one to bound every call more tightly, for example
 * below a servlet request timeout.
 *
 * <h2>Threads</h2> Called on a thread that must not block (a Netty event loop, a thread
 * of {@code Schedulers.parallel()}: see
 * {@link reactor.core.scheduler.Schedulers#isInNonBlockingThread()}), a call fails at
 * once with an {@link IllegalStateException}, before anything is sent: use the reactive
 * {@link ImgwireClient} there. Templates are thread-safe; virtual threads are welcome.
 *
 * <h2>Streams</h2> {@code listAll} and {@code listPages} return a lazy stream: nothing is
 * sent until its first element is needed, and a page is fetched only when the caller
 * reaches it, so {@code listAll(100).limit(3)} sends one request. Between two elements
 * nothing is in flight. Close the stream when stopping early (try-with-resources): that
 * cancels the subscription at once. A stream that is abandoned after a short-circuit such
 * as {@code findFirst()} holds no connection, and its subscription is cancelled once it
 * becomes unreachable.
 *
 * <h2>Where the types live</h2> The resource templates ({@link ImgwireImagesTemplate},
 * {@link ImgwireCorsOriginsTemplate}, {@link ImgwireCustomDomainTemplate},
 * {@link ImgwireMetricsTemplate}) sit here, next to this class and {@link ImgwireClient},
 * rather than in the resource packages with their reactive clients: they are one facade
 * with one entry point, created only through this class, and share one package-private
 * helper, while the resource packages stay free of blocking code.
 *
 * @author Imgwire
 * @see ImgwireClient
 */
public final class ImgwireTemplate {

	private final ImgwireClient client;

	private final Blocking blocking;

	private final ImgwireImagesTemplate images;

	private final ImgwireCorsOriginsTemplate corsOrigins;

	private final ImgwireCustomDomainTemplate customDomain;

	private final ImgwireMetricsTemplate metrics;

	/**
	 * Create a template with the default block timeout: the longest call the client's own
	 * deadlines allow (see {@link #defaultBlockTimeout(ImgwireClient)}).
	 * @param client the reactive client to delegate to
	 */
	public ImgwireTemplate(ImgwireClient client) {
		this(client, defaultBlockTimeout(client));
	}

	/**
	 * Create a template.
	 * @param client the reactive client to delegate to
	 * @param blockTimeout the longest any call may block, a positive duration
	 */
	public ImgwireTemplate(ImgwireClient client, Duration blockTimeout) {
		Objects.requireNonNull(client, "client must not be null");
		if (blockTimeout == null || blockTimeout.isZero() || blockTimeout.isNegative()) {
			throw new IllegalArgumentException("blockTimeout: must be a positive duration");
		}
		this.client = client;
		this.blocking = new Blocking(blockTimeout, observationRegistry(client));
		this.images = new ImgwireImagesTemplate(client.images(), this.blocking);
		this.corsOrigins = new ImgwireCorsOriginsTemplate(client.corsOrigins(), this.blocking);
		this.customDomain = new ImgwireCustomDomainTemplate(client.customDomain(), this.blocking);
		this.metrics = new ImgwireMetricsTemplate(client.metrics(), this.blocking);
	}

	/**
	 * The block timeout a template gets unless one is given: the longest call the
	 * client's own deadlines allow, {@code 2 x request + put + readyTimeout} where
	 * {@code request} is {@code attempts x responseTimeout + retries x maxDelay} and
	 * {@code put} is {@code attempts x uploadTimeout + retries x maxDelay}. For a client
	 * that was not built by {@link ImgwireClient#builder}, the same with the builder's
	 * defaults: 37 minutes.
	 * @param client the client
	 * @return the default block timeout
	 */
	public static Duration defaultBlockTimeout(ImgwireClient client) {
		return ((client instanceof DefaultImgwireClient built) ? built.deadlines() : ClientDeadlines.defaults())
			.longestCall();
	}

	/**
	 * Images: upload, list, fetch, delete, bulk download, upload tokens.
	 * @return the images template
	 */
	public ImgwireImagesTemplate images() {
		return this.images;
	}

	/**
	 * The CORS origins allowed to upload from browsers.
	 * @return the CORS origins template
	 */
	public ImgwireCorsOriginsTemplate corsOrigins() {
		return this.corsOrigins;
	}

	/**
	 * The environment's custom delivery domain.
	 * @return the custom domain template
	 */
	public ImgwireCustomDomainTemplate customDomain() {
		return this.customDomain;
	}

	/**
	 * Usage metrics.
	 * @return the metrics template
	 */
	public ImgwireMetricsTemplate metrics() {
		return this.metrics;
	}

	/**
	 * The longest any call blocks (an await operation: its own timeout plus this; a
	 * stream: this for each element).
	 * @return the block timeout
	 */
	public Duration blockTimeout() {
		return this.blocking.blockTimeout();
	}

	/**
	 * The reactive client this template delegates to, for the code paths that must not
	 * block.
	 * @return the client
	 */
	public ImgwireClient reactive() {
		return this.client;
	}

	@Override
	public String toString() {
		return "ImgwireTemplate[blockTimeout=" + blockTimeout() + ", " + this.client + "]";
	}

	private static ObservationRegistry observationRegistry(ImgwireClient client) {
		return (client instanceof DefaultImgwireClient built) ? built.observationRegistry() : ObservationRegistry.NOOP;
	}

}
