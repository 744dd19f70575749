package dev.imgwire.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.observation.ImgwireClientObservationConvention;
import dev.imgwire.client.retry.ImgwireRetryPolicy;
import dev.imgwire.client.retry.ImgwireRetryStrategy;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.client.upload.UploadSpool;

/**
 * Builds an {@link ImgwireClient}: the settings that every resource client shares, from
 * one place.
 *
 * @param <C> what {@link #build()} returns: the root client, or one of its resource
 * clients for callers that need only that one
 * @author Imgwire
 * @see ImgwireClient#builder
 */
public final class ImgwireClientBuilder<C> {

	final Supplier<WebClient.Builder> webClientBuilder;

	final ImgwireClientSettings settings;

	private final Function<ImgwireClient, C> result;

	ImgwireRetryPolicy retryPolicy = ImgwireRetryPolicy.defaults();

	@Nullable ImgwireRetryStrategy retryStrategy;

	ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	@Nullable ImgwireClientObservationConvention observationConvention;

	Duration responseTimeout = Duration.ofSeconds(30);

	Duration uploadTimeout = Duration.ofMinutes(10);

	Duration pollInterval = Duration.ofMillis(500);

	boolean awaitReadyByDefault;

	Duration readyTimeout = Duration.ofSeconds(60);

	Path spoolDirectory = UploadSpool.defaults().directory();

	long maxSpoolBytes = UploadSpool.DEFAULT_MAX_BYTES;

	ImgwireClientBuilder(WebClient.Builder webClientBuilder, ImgwireClientSettings settings,
			Function<ImgwireClient, C> result) {
		Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
		Objects.requireNonNull(settings, "settings must not be null");
		WebClient.Builder clone = webClientBuilder.clone();
		this.webClientBuilder = () -> clone;
		this.settings = settings;
		this.result = result;
	}

	ImgwireClientBuilder(Supplier<WebClient.Builder> webClientBuilder, ImgwireClientSettings settings,
			Function<ImgwireClient, C> result) {
		Objects.requireNonNull(webClientBuilder, "webClientBuilder must not be null");
		Objects.requireNonNull(settings, "settings must not be null");
		this.webClientBuilder = () -> Objects
			.requireNonNull(webClientBuilder.get(), "webClientBuilder supplied no builder")
			.clone();
		this.settings = settings;
		this.result = result;
	}

	/**
	 * Set the retry policy used by the default retry strategy.
	 * @param retryPolicy the policy; {@link ImgwireRetryPolicy#defaults()} unless set
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> retryPolicy(ImgwireRetryPolicy retryPolicy) {
		this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
		return this;
	}

	/**
	 * Replace the retry strategy; the retry policy is then ignored.
	 * @param retryStrategy the strategy, or {@code null} for the default one
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> retryStrategy(@Nullable ImgwireRetryStrategy retryStrategy) {
		this.retryStrategy = retryStrategy;
		return this;
	}

	/**
	 * Set where observations go.
	 * @param observationRegistry the registry; {@link ObservationRegistry#NOOP} unless
	 * set
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		return this;
	}

	/**
	 * Set a custom observation convention.
	 * @param observationConvention the convention, or {@code null} for the default one
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> observationConvention(
			@Nullable ImgwireClientObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Set how long to wait for an answer, per attempt.
	 * @param responseTimeout a positive duration; 30 seconds unless set
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> responseTimeout(Duration responseTimeout) {
		this.responseTimeout = positive("responseTimeout", responseTimeout);
		return this;
	}

	/**
	 * Set how long one attempt of the presigned {@code PUT} may take in total.
	 * @param uploadTimeout a positive duration; 10 minutes unless set
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> uploadTimeout(Duration uploadTimeout) {
		this.uploadTimeout = positive("uploadTimeout", uploadTimeout);
		return this;
	}

	/**
	 * Set the wait between two polls of {@code awaitReady} and {@code awaitDownloadJob}.
	 * @param pollInterval between 1 millisecond and 5 minutes; 500 ms unless set
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> pollInterval(Duration pollInterval) {
		positive("pollInterval", pollInterval);
		if (pollInterval.compareTo(Duration.ofMillis(1)) < 0 || pollInterval.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("pollInterval: must be between 1 ms and 5 minutes");
		}
		this.pollInterval = pollInterval;
		return this;
	}

	/**
	 * Set whether {@code upload} waits for {@code READY} when its options leave it open.
	 * @param awaitReadyByDefault {@code false} unless set
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> awaitReadyByDefault(boolean awaitReadyByDefault) {
		this.awaitReadyByDefault = awaitReadyByDefault;
		return this;
	}

	/**
	 * Set how long {@code upload} waits for {@code READY} when it waits.
	 * @param readyTimeout a positive duration; 60 seconds unless set
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> readyTimeout(Duration readyTimeout) {
		this.readyTimeout = positive("readyTimeout", readyTimeout);
		return this;
	}

	/**
	 * Set where sources of unknown length (see {@link UploadSource}) are spooled before
	 * they are uploaded. Each is written to a temporary file there and deleted when its
	 * upload ends.
	 * @param spoolDirectory a directory, created when missing; the system's temporary
	 * directory ({@code java.io.tmpdir}) unless set
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> spoolDirectory(Path spoolDirectory) {
		if (spoolDirectory == null) {
			throw new IllegalArgumentException("spoolDirectory: must not be null");
		}
		if (Files.exists(spoolDirectory) && !Files.isDirectory(spoolDirectory)) {
			throw new IllegalArgumentException("spoolDirectory: must be a directory, not a file");
		}
		this.spoolDirectory = spoolDirectory;
		return this;
	}

	/**
	 * Set the largest source of unknown length that is spooled; a larger one fails with
	 * an {@link dev.imgwire.client.error.ImgwireSpoolLimitException} before anything is
	 * sent. Sources of known length are streamed and never spooled.
	 * @param maxSpoolBytes a positive number of bytes;
	 * {@value UploadSpool#DEFAULT_MAX_BYTES} (1 GiB) unless set
	 * @return this builder
	 */
	public ImgwireClientBuilder<C> maxSpoolBytes(long maxSpoolBytes) {
		if (maxSpoolBytes <= 0) {
			throw new IllegalArgumentException("maxSpoolBytes: must be positive, was " + maxSpoolBytes);
		}
		this.maxSpoolBytes = maxSpoolBytes;
		return this;
	}

	/**
	 * Build the client. Each call builds a new client with its own transport.
	 * @return the client
	 */
	public C build() {
		return this.result.apply(new DefaultImgwireClient(this));
	}

	private static Duration positive(String name, Duration duration) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(name + ": must be a positive duration");
		}
		return duration;
	}

}
