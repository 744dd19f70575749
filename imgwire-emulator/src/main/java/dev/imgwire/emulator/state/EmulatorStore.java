package dev.imgwire.emulator.state;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Everything one emulator remembers, reset and destroyed as a unit.
 *
 * @author imgwire
 */
public final class EmulatorStore {

	private final UUID environmentId;

	private final Clock clock;

	private final Images images = new Images();

	private final UploadTokens uploadTokens = new UploadTokens();

	private final DownloadJobs downloadJobs = new DownloadJobs();

	private final RequestCounters requestCounters = new RequestCounters();

	private final CorsOrigins corsOrigins;

	private final CustomDomains customDomains;

	private final Usage usage = new Usage();

	private final BlobStorage blobs;

	/**
	 * Create a store.
	 * @param storageParent the parent of the storage directory, or {@code null} for the
	 * system temp directory
	 * @param environmentId the emulated environment, which every record belongs to
	 * @param clock the source of every timestamp and expiry check
	 */
	public EmulatorStore(@Nullable Path storageParent, UUID environmentId, Clock clock) {
		this.environmentId = environmentId;
		this.clock = clock;
		this.corsOrigins = new CorsOrigins(environmentId);
		this.customDomains = new CustomDomains(environmentId);
		this.blobs = BlobStorage.create(storageParent);
	}

	public UUID environmentId() {
		return this.environmentId;
	}

	/**
	 * The current time at millisecond precision, the precision of the wire format, so
	 * that what a test inspects equals what a client parses.
	 * @return the current time
	 */
	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public Images images() {
		return this.images;
	}

	public UploadTokens uploadTokens() {
		return this.uploadTokens;
	}

	public DownloadJobs downloadJobs() {
		return this.downloadJobs;
	}

	public CorsOrigins corsOrigins() {
		return this.corsOrigins;
	}

	public CustomDomains customDomains() {
		return this.customDomains;
	}

	public Usage usage() {
		return this.usage;
	}

	public RequestCounters requestCounters() {
		return this.requestCounters;
	}

	public BlobStorage blobs() {
		return this.blobs;
	}

	public void reset() {
		this.images.clear();
		this.uploadTokens.clear();
		this.downloadJobs.clear();
		this.requestCounters.clear();
		this.corsOrigins.clear();
		this.customDomains.clear();
		this.usage.clear();
		this.blobs.clear();
	}

	public void destroy() {
		this.blobs.destroy();
	}

}
