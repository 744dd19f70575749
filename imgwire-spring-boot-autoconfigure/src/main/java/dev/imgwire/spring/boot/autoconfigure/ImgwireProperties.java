package dev.imgwire.spring.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties for the Imgwire client ({@code imgwire.*}).
 * <p>
 * Deliberately has no {@code toString()} that could print a key. Longer than most
 * classes: a JavaBean whose field Javadoc is the configuration metadata, one accessor
 * pair per property.
 *
 * @author Imgwire
 * @since 0.1.0
 */
@ConfigurationProperties(ImgwireProperties.PREFIX)
public class ImgwireProperties {

	/**
	 * Prefix of the Imgwire properties.
	 */
	public static final String PREFIX = "imgwire";

	/**
	 * Default base URL of the Imgwire API.
	 */
	public static final String DEFAULT_BASE_URL = "https://api.imgwire.dev";

	/**
	 * Whether to auto-configure the Imgwire client.
	 */
	private boolean enabled = true;

	/**
	 * Base URL of the Imgwire API: scheme, host, port and path. User info, a query or a
	 * fragment is refused at startup.
	 */
	private String baseUrl = DEFAULT_BASE_URL;

	/**
	 * Server Key used as the bearer token. When empty, the IMGWIRE_API_KEY environment
	 * variable is used.
	 */
	private @Nullable String serverKey;

	/**
	 * Client Key, for operations made on behalf of a browser with an upload token.
	 */
	private @Nullable String clientKey;

	/**
	 * Environment id sent as the X-Environment-Id header. Not needed with a Server Key,
	 * which is already scoped to an environment.
	 */
	private @Nullable String environmentId;

	/**
	 * Maximum time to establish a connection to the API.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Deadline of one attempt of an API call, from connect to the last byte of the
	 * answer.
	 */
	private Duration responseTimeout = Duration.ofSeconds(30);

	/**
	 * Deadline of one attempt of the upload to the presigned URL, from connect to the
	 * last byte of the answer.
	 */
	private Duration uploadTimeout = Duration.ofMinutes(10);

	/**
	 * Maximum time a call of the blocking ImgwireTemplate may block; its awaitReady and
	 * awaitDownloadJob may block for their own timeout plus this. When not set, the
	 * longest call that the response and upload timeouts, the ready timeout and the
	 * retries allow.
	 */
	private @Nullable Duration blockTimeout;

	/**
	 * Whether to allow a plain http base URL to a host that is not a loopback address.
	 * Keys would travel unencrypted.
	 */
	private boolean allowInsecureHttp;

	private final Retry retry = new Retry();

	private final Upload upload = new Upload();

	private final Observations observations = new Observations();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getServerKey() {
		return this.serverKey;
	}

	public void setServerKey(@Nullable String serverKey) {
		this.serverKey = serverKey;
	}

	public @Nullable String getClientKey() {
		return this.clientKey;
	}

	public void setClientKey(@Nullable String clientKey) {
		this.clientKey = clientKey;
	}

	public @Nullable String getEnvironmentId() {
		return this.environmentId;
	}

	public void setEnvironmentId(@Nullable String environmentId) {
		this.environmentId = environmentId;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Duration getUploadTimeout() {
		return this.uploadTimeout;
	}

	public void setUploadTimeout(Duration uploadTimeout) {
		this.uploadTimeout = uploadTimeout;
	}

	public @Nullable Duration getBlockTimeout() {
		return this.blockTimeout;
	}

	public void setBlockTimeout(@Nullable Duration blockTimeout) {
		this.blockTimeout = blockTimeout;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Upload getUpload() {
		return this.upload;
	}

	public Observations getObservations() {
		return this.observations;
	}

	/**
	 * Retry of failed API calls.
	 */
	public static class Retry {

		/**
		 * Whether to retry calls that are safe to repeat after HTTP 408, 429, 500, 502,
		 * 503 or 504, a lost connection or a response timeout. Other 4xx answers are
		 * never retried.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of retries after the first attempt.
		 */
		private int maxRetries = 2;

		/**
		 * Delay before the first retry, doubled for each further retry.
		 */
		private Duration initialDelay = Duration.ofMillis(500);

		/**
		 * Maximum delay between two attempts. Also caps a Retry-After header sent by the
		 * API.
		 */
		private Duration maxDelay = Duration.ofSeconds(30);

		/**
		 * Jitter factor applied to each back-off delay, between 0 and 1.
		 */
		private double jitter = 0.5;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * Upload behaviour.
	 */
	public static class Upload {

		/**
		 * Whether an upload waits, by default, until the image is READY before it
		 * completes.
		 */
		private boolean awaitReady;

		/**
		 * Maximum time to wait for an uploaded image to become READY.
		 */
		private Duration readyTimeout = Duration.ofSeconds(60);

		/**
		 * Interval between two polls while waiting for an image or a download job.
		 */
		private Duration pollInterval = Duration.ofMillis(500);

		private final Spool spool = new Spool();

		public boolean isAwaitReady() {
			return this.awaitReady;
		}

		public void setAwaitReady(boolean awaitReady) {
			this.awaitReady = awaitReady;
		}

		public Duration getReadyTimeout() {
			return this.readyTimeout;
		}

		public void setReadyTimeout(Duration readyTimeout) {
			this.readyTimeout = readyTimeout;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Spool getSpool() {
			return this.spool;
		}

	}

	/**
	 * Spooling of upload sources whose length is unknown (a WebFlux FilePart, an
	 * InputStream or a Flux without a length): each is written to a temporary file to
	 * learn its length before the upload, and the file is deleted afterwards.
	 */
	public static class Spool {

		/**
		 * Directory for the temporary files of uploads whose length is unknown. When
		 * empty, the system temporary directory (java.io.tmpdir) is used.
		 */
		private @Nullable Path directory;

		/**
		 * Maximum size of an upload whose length is unknown. A larger one fails before
		 * anything is sent.
		 */
		private DataSize maxSize = DataSize.ofGigabytes(1);

		public @Nullable Path getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable Path directory) {
			this.directory = directory;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

	}

	/**
	 * Observations of Imgwire operations.
	 */
	public static class Observations {

		/**
		 * Whether to record an imgwire.client.requests observation for each operation and
		 * an imgwire.client.retries observation for each retry.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
