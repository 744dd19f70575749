package dev.imgwire.emulator.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageStatus;
import dev.imgwire.emulator.state.ReceivedBlob;

/**
 * Moves an image from received bytes to its verdict: PROCESSING at once, then READY or
 * QUARANTINE after the processing delay.
 *
 * @author imgwire
 */
public final class UploadProcessor {

	private final EmulatorStore store;

	private final ProcessingScheduler scheduler;

	public UploadProcessor(EmulatorStore store, ProcessingScheduler scheduler) {
		this.store = store;
		this.scheduler = scheduler;
	}

	/**
	 * Take ownership of fully received bytes for an image.
	 * @param imageId the image
	 * @param blob the received bytes
	 * @return the image as PROCESSING, or empty when it was deleted meanwhile
	 */
	public Mono<ImageRecord> accept(UUID imageId, ReceivedBlob blob) {
		return Mono.fromCallable(() -> receive(imageId, blob))
			.subscribeOn(this.scheduler.blocking())
			.flatMap((received) -> received.map((image) -> {
				boolean hashMismatch = image.contradictsHash(blob.sha256());
				return this.scheduler.afterDelay(() -> settle(imageId, hashMismatch)).thenReturn(image);
			}).orElseGet(Mono::empty));
	}

	private Optional<ImageRecord> receive(UUID imageId, ReceivedBlob blob) throws IOException {
		// Bytes go in place before the status changes, so PROCESSING always has bytes.
		this.store.blobs().store(imageId, blob.file());
		Optional<ImageRecord> received = this.store.images()
			.update(imageId, (image) -> image.received(blob.size(), blob.sha256(), this.store.now()));
		if (received.isEmpty()) {
			this.store.blobs().delete(imageId);
		}
		else {
			this.store.usage().recordUpload(this.store.now(), blob.size());
		}
		return received;
	}

	private void settle(UUID imageId, boolean hashMismatch) {
		Optional<Path> file = this.store.blobs().find(imageId);
		if (file.isEmpty()) {
			return;
		}
		Inspection inspection = inspect(file.get());
		this.store.images().update(imageId, (image) -> verdict(image, inspection, hashMismatch));
	}

	private ImageRecord verdict(ImageRecord image, Inspection inspection, boolean hashMismatch) {
		Dimensions dimensions = inspection.dimensions();
		Integer width = (dimensions != null) ? dimensions.width() : null;
		Integer height = (dimensions != null) ? dimensions.height() : null;
		boolean notAnImage = inspection.format() == null
				|| (DimensionReader.supports(inspection.format()) && dimensions == null);
		boolean wrongType = image.formatDeclared() && inspection.format() != image.format();
		if (hashMismatch || notAnImage || wrongType) {
			return image.processed(ImageStatus.QUARANTINE, image.format(), width, height, this.store.now());
		}
		// An undeclared type was only guessed from the file name; the bytes know better.
		return image.processed(ImageStatus.READY, inspection.format(), width, height, this.store.now());
	}

	private static Inspection inspect(Path file) {
		try {
			return ImageInspector.inspect(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
