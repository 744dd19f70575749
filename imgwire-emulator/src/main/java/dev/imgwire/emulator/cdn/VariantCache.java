package dev.imgwire.emulator.cdn;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Transformed variants, least recently used first out, bounded by the sum of their bytes.
 * A variant larger than the whole bound is not kept.
 * <p>
 * An image's bytes never change, so entries never go stale while the image lives; once it
 * is deleted the CDN answers 404 before looking here, and its variants are dropped the
 * next time a variant is stored ({@link #put}'s {@code live} test).
 *
 * @author imgwire
 */
final class VariantCache {

	private final long maxBytes;

	/** In access order: the first entry is the least recently used. */
	private final LinkedHashMap<Key, Variant> variants = new LinkedHashMap<>(16, 0.75f, true);

	private final Map<UUID, Set<Key>> byImage = new HashMap<>();

	private long bytes;

	private long encodes;

	private long hits;

	private long misses;

	private long evictions;

	VariantCache(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	synchronized @Nullable Variant get(UUID image, String variantKey) {
		Variant variant = this.variants.get(new Key(image, variantKey));
		if (variant != null) {
			this.hits++;
		}
		else {
			this.misses++;
		}
		return variant;
	}

	/**
	 * Keep a freshly encoded variant, then drop the least recently used ones beyond the
	 * bound and those of images that are no longer delivered.
	 * @param image the image
	 * @param variantKey the variant
	 * @param variant the bytes
	 * @param live whether an image is still delivered
	 */
	synchronized void put(UUID image, String variantKey, Variant variant, Predicate<UUID> live) {
		this.encodes++;
		dropImagesUnless(live);
		if (variant.length() > this.maxBytes) {
			return;
		}
		Key key = new Key(image, variantKey);
		Variant previous = this.variants.put(key, variant);
		if (previous != null) {
			// Two concurrent misses of one variant; the bytes are equal.
			this.bytes -= previous.length();
		}
		this.bytes += variant.length();
		this.byImage.computeIfAbsent(image, (id) -> new HashSet<>()).add(key);
		Iterator<Map.Entry<Key, Variant>> eldest = this.variants.entrySet().iterator();
		while (this.bytes > this.maxBytes && eldest.hasNext()) {
			Map.Entry<Key, Variant> entry = eldest.next();
			eldest.remove();
			forget(entry.getKey(), entry.getValue());
		}
	}

	private void dropImagesUnless(Predicate<UUID> live) {
		Iterator<Map.Entry<UUID, Set<Key>>> images = this.byImage.entrySet().iterator();
		while (images.hasNext()) {
			Map.Entry<UUID, Set<Key>> image = images.next();
			if (!live.test(image.getKey())) {
				images.remove();
				for (Key key : image.getValue()) {
					this.bytes -= Objects.requireNonNull(this.variants.remove(key)).length();
					this.evictions++;
				}
			}
		}
	}

	private void forget(Key key, Variant variant) {
		this.bytes -= variant.length();
		this.evictions++;
		Set<Key> keys = Objects.requireNonNull(this.byImage.get(key.image()));
		keys.remove(key);
		if (keys.isEmpty()) {
			this.byImage.remove(key.image());
		}
	}

	synchronized CdnCacheStatistics statistics() {
		return new CdnCacheStatistics(this.encodes, this.hits, this.misses, this.evictions, this.variants.size(),
				this.bytes, this.maxBytes);
	}

	synchronized void clear() {
		this.variants.clear();
		this.byImage.clear();
		this.bytes = 0;
		this.encodes = 0;
		this.hits = 0;
		this.misses = 0;
		this.evictions = 0;
	}

	private record Key(UUID image, String variant) {
	}

}
