package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * All images of an emulator with their idempotency index.
 * <p>
 * Reads are lock-free. Writes take one monitor, so that "look up the idempotency key,
 * redeem a token, create the record" is a single step even when 32 clients retry at once;
 * {@link #createUnlessKnown(ImageDraft, Instant, UnaryOperator)} is the only way to create
 * an image, so the idempotency index cannot be bypassed.
 *
 * @author imgwire
 */
public final class Images {

	private static final Comparator<ImageRecord> CREATION_ORDER = Comparator.comparing(ImageRecord::createdAt)
		.thenComparingLong(ImageRecord::sequence);

	private final Object monitor = new Object();

	private final Map<UUID, ImageRecord> records = new ConcurrentHashMap<>();

	private final Map<String, UUID> idempotencyIndex = new HashMap<>();

	private final Set<UUID> uploadsInFlight = new HashSet<>();

	private long sequence;

	public Optional<ImageRecord> find(UUID id) {
		return Optional.ofNullable(this.records.get(id)).filter(ImageRecord::live);
	}

	public Optional<ImageRecord> findByIdempotencyKey(String key) {
		synchronized (this.monitor) {
			UUID id = this.idempotencyIndex.get(key);
			return (id != null) ? find(id) : Optional.empty();
		}
	}

	private ImageRecord create(ImageDraft draft, Instant now) {
		synchronized (this.monitor) {
			ImageRecord record = ImageRecord.pending(UUID.randomUUID(), this.sequence++, draft, now);
			this.records.put(record.id(), record);
			if (draft.idempotencyKey() != null) {
				this.idempotencyIndex.put(draft.idempotencyKey(), record.id());
			}
			return record;
		}
	}

	/**
	 * Create an image unless its idempotency key already names a live one, in one step.
	 * @param draft the image to create
	 * @param now the creation time
	 * @return the created or existing image
	 */
	public ImageRegistration createUnlessKnown(ImageDraft draft, Instant now) {
		return createUnlessKnown(draft, now, UnaryOperator.identity());
	}

	/**
	 * Create an image unless its idempotency key already names a live one, in one step
	 * that includes {@code onCreate}: work that must happen exactly once per created image,
	 * such as redeeming an upload token, goes there rather than before the call.
	 * @param draft the image to create
	 * @param now the creation time
	 * @param onCreate runs under the lock only when a new image is created, and may
	 * complete the draft; an exception from it creates nothing
	 * @return the created or existing image
	 */
	public ImageRegistration createUnlessKnown(ImageDraft draft, Instant now, UnaryOperator<ImageDraft> onCreate) {
		synchronized (this.monitor) {
			Optional<ImageRecord> existing = (draft.idempotencyKey() != null)
					? findByIdempotencyKey(draft.idempotencyKey()) : Optional.empty();
			return existing.map((image) -> new ImageRegistration(image, false))
				.orElseGet(() -> new ImageRegistration(create(onCreate.apply(draft), now), true));
		}
	}

	public List<ImageRecord> live() {
		return this.records.values().stream().filter(ImageRecord::live).sorted(CREATION_ORDER).toList();
	}

	/**
	 * Replace a live image. Work that finishes after a delete or reset must not bring the
	 * image back, so absent or deleted images are left alone.
	 * @param id the image id
	 * @param change the change to apply
	 * @return the new record, or empty when the image is gone
	 */
	public Optional<ImageRecord> update(UUID id, UnaryOperator<ImageRecord> change) {
		synchronized (this.monitor) {
			ImageRecord current = this.records.get(id);
			if (current == null || !current.live()) {
				return Optional.empty();
			}
			ImageRecord updated = change.apply(current);
			this.records.put(id, updated);
			return Optional.of(updated);
		}
	}

	/**
	 * Soft-delete all of the given images, or none when any of them is unknown.
	 * @param ids the images to delete
	 * @param now the deletion time
	 * @return the unknown ids; empty when the images were deleted
	 */
	public Set<UUID> deleteAll(Collection<UUID> ids, Instant now) {
		synchronized (this.monitor) {
			Set<UUID> unknown = new LinkedHashSet<>();
			for (UUID id : ids) {
				if (find(id).isEmpty()) {
					unknown.add(id);
				}
			}
			if (!unknown.isEmpty()) {
				return unknown;
			}
			for (UUID id : new LinkedHashSet<>(ids)) {
				ImageRecord deleted = this.records.get(id).deleted(now);
				this.records.put(id, deleted);
				if (deleted.idempotencyKey() != null) {
					// A deleted image no longer answers for its key; the next upload with it
					// creates a fresh record.
					this.idempotencyIndex.remove(deleted.idempotencyKey(), id);
				}
			}
			return Set.of();
		}
	}

	/**
	 * Reserve the single upload slot of a PENDING image, so two concurrent PUTs to the
	 * same URL cannot both store bytes.
	 * @param id the image id
	 * @return whether the caller may receive the bytes
	 */
	public boolean claimUpload(UUID id) {
		synchronized (this.monitor) {
			ImageRecord current = this.records.get(id);
			return current != null && current.live() && current.status() == ImageStatus.PENDING
					&& this.uploadsInFlight.add(id);
		}
	}

	public void releaseUpload(UUID id) {
		synchronized (this.monitor) {
			this.uploadsInFlight.remove(id);
		}
	}

	public void clear() {
		synchronized (this.monitor) {
			this.records.clear();
			this.idempotencyIndex.clear();
			this.uploadsInFlight.clear();
		}
	}

}
