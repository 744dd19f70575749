package dev.imgwire.emulator.state;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Everything one emulator remembers, reset and destroyed as a unit.
 *
 * @author imgwire
 */
public final class EmulatorStore {

	private final Clock clock = Clock.systemUTC();

	private final Images images = new Images();

	private final UploadTokens uploadTokens = new UploadTokens();

	private final DownloadJobs downloadJobs = new DownloadJobs();

	private final RequestCounters requestCounters = new RequestCounters();

	private final BlobStorage blobs;

	public EmulatorStore(Path storageParent) {
		this.blobs = BlobStorage.create(storageParent);
	}

	/**
	 * The current time at millisecond precision, the precision of the wire format, so that
	 * what a test inspects equals what a client parses.
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
		this.blobs.clear();
	}

	public void destroy() {
		this.blobs.destroy();
	}

}
