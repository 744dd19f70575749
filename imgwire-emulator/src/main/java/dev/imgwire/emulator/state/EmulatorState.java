package dev.imgwire.emulator.state;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.imgwire.emulator.EmulatorOperation;

/**
 * Read-only view of an emulator's state, for assertions that should not depend on the
 * HTTP API under test.
 *
 * @author imgwire
 */
public final class EmulatorState {

	private final EmulatorStore store;

	/**
	 * Create a view; obtain one from {@code ImgwireEmulator.state()} instead.
	 * @param store the store to expose
	 */
	public EmulatorState(EmulatorStore store) {
		this.store = store;
	}

	/**
	 * Live (not deleted) images, oldest first.
	 * @return the images
	 */
	public List<EmulatedImage> images() {
		return this.store.images().live().stream().map(ImageRecord::toEmulatedImage).toList();
	}

	public Optional<EmulatedImage> image(UUID id) {
		return this.store.images().find(id).map(ImageRecord::toEmulatedImage);
	}

	/**
	 * The bytes received for an image, read into memory; meant for test-sized files.
	 * @param id the image id
	 * @return the bytes, or empty when none were stored
	 */
	public Optional<byte[]> storedBytes(UUID id) {
		return this.store.blobs().read(id);
	}

	/**
	 * The size of the bytes received for an image.
	 * @param id the image id
	 * @return the size, or {@code -1} when none were stored
	 */
	public long storedSize(UUID id) {
		return this.store.blobs().size(id);
	}

	public long requestCount(EmulatorOperation operation) {
		return this.store.requestCounters().count(operation);
	}

	public long totalRequests() {
		return this.store.requestCounters().total();
	}

	public List<EmulatedUploadToken> uploadTokens() {
		return this.store.uploadTokens().all().stream().map(UploadTokenRecord::toEmulatedUploadToken).toList();
	}

	/**
	 * The environment's CORS origins, oldest first, including those seeded from the
	 * builder's {@code allowedOrigins}.
	 * @return the CORS origins
	 */
	public List<EmulatedCorsOrigin> corsOrigins() {
		return this.store.corsOrigins().all();
	}

	/**
	 * The environment's custom domain.
	 * @return the domain, or empty when none was created
	 */
	public Optional<EmulatedCustomDomain> customDomain() {
		return this.store.customDomains().find().map(CustomDomainRecord::toEmulatedCustomDomain);
	}

	/**
	 * Everything the metrics API counts, summed over the emulator's life (or since the
	 * last reset): uploads, CDN deliveries and bytes, transformations asked of the CDN,
	 * and stored bytes ({@link UsageTotals#storageBytesNet()}).
	 * @return the usage so far
	 */
	public UsageTotals usage() {
		return this.store.usage().total();
	}

	public List<EmulatedDownloadJob> downloadJobs() {
		return this.store.downloadJobs().all().stream().map(DownloadJobRecord::toEmulatedDownloadJob).toList();
	}

	/**
	 * Presigned PUT bodies currently being written, each holding a file handle; lets a
	 * test prove that aborted uploads release their files.
	 * @return the number of open PUT streams
	 */
	public int openPutStreams() {
		return this.store.blobs().openPutStreams();
	}

	@Override
	public String toString() {
		return "EmulatorState[images=" + this.store.images().liveCount() + ", requests="
				+ this.store.requestCounters().total() + "]";
	}

}
