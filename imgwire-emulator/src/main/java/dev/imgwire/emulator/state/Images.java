package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * All images of an emulator with their idempotency index.
 * <p>
 * Reads are lock-free. Writes take one monitor, so that "look up the idempotency key,
 * redeem a token, create the record" is a single step even when 32 clients retry at once;
 * {@link #createUnlessKnown(ImageDraft, Instant, UnaryOperator)} is the only way to
 * create an image, so the idempotency index cannot be bypassed.
 * <p>
 * Live images are also kept in creation order, with an index of their positions, so
 * listing a page finds its first image in O(log n) and walks {@code limit} images: a page
 * costs the same whatever its offset and however many images are stored.
 *
 * @author imgwire
 */
public final class Images {

	private final Object monitor = new Object();

	private final Map<UUID, ImageRecord> records = new ConcurrentHashMap<>();

	/** Live images by {@link ImageRecord#sequence()}; written under the monitor. */
	private final ConcurrentSkipListMap<Long, UUID> liveInCreationOrder = new ConcurrentSkipListMap<>();

	/** Positions of the live sequences; written and read under the monitor. */
	private final LiveIndex liveIndex = new LiveIndex();

	/** The size of {@link #liveInCreationOrder}, whose own size() walks the whole map. */
	private volatile int liveCount;

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
			this.liveInCreationOrder.put(record.sequence(), record.id());
			this.liveIndex.add(record.sequence());
			this.liveCount++;
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
	 * that includes {@code onCreate}: work that must happen exactly once per created
	 * image, such as redeeming an upload token, goes there rather than before the call.
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

	/**
	 * Live images, oldest first.
	 * @return the images
	 */
	public List<ImageRecord> live() {
		return this.liveInCreationOrder.values().stream().map(this::find).flatMap(Optional::stream).toList();
	}

	/**
	 * One page of live images, oldest first.
	 * @param offset the number of images to skip
	 * @param limit the maximum number of images on the page
	 * @return the page and the number of live images
	 */
	public Page<ImageRecord> page(long offset, long limit) {
		synchronized (this.monitor) {
			List<ImageRecord> items = new ArrayList<>();
			long first = (offset < this.liveCount) ? this.liveIndex.nth(offset) : -1;
			if (first >= 0) {
				for (UUID id : this.liveInCreationOrder.tailMap(first, true).values()) {
					if (items.size() >= limit) {
						break;
					}
					items.add(this.records.get(id));
				}
			}
			return new Page<>(items, this.liveCount);
		}
	}

	public int liveCount() {
		return this.liveCount;
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
		return deleteAll(ids, now, (image) -> {
		});
	}

	/**
	 * Soft-delete all of the given images, or none when any of them is unknown.
	 * @param ids the images to delete
	 * @param now the deletion time
	 * @param onDeleted receives each image as it was just before its deletion, under the
	 * lock, so its status tells reliably whether its bytes had been received
	 * @return the unknown ids; empty when the images were deleted
	 */
	public Set<UUID> deleteAll(Collection<UUID> ids, Instant now, Consumer<ImageRecord> onDeleted) {
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
				ImageRecord current = this.records.get(id);
				ImageRecord deleted = Objects.requireNonNull(current).deleted(now);
				this.records.put(id, deleted);
				onDeleted.accept(current);
				this.liveInCreationOrder.remove(deleted.sequence());
				this.liveIndex.remove(deleted.sequence());
				this.liveCount--;
				if (deleted.idempotencyKey() != null) {
					// A deleted image no longer answers for its key; the next upload with
					// it creates a fresh record.
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
			this.liveInCreationOrder.clear();
			this.liveIndex.reset(this.sequence);
			this.liveCount = 0;
			this.idempotencyIndex.clear();
			this.uploadsInFlight.clear();
		}
	}

}
