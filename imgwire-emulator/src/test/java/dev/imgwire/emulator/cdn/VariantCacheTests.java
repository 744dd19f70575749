package dev.imgwire.emulator.cdn;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VariantCacheTests {

	private static final UUID IMAGE = UUID.randomUUID();

	private final VariantCache cache = new VariantCache(100);

	@Test
	void theLeastRecentlyReadVariantGoesFirst() {
		put(IMAGE, "a", 40);
		put(IMAGE, "b", 40);
		assertThat(this.cache.get(IMAGE, "a")).isNotNull();
		put(IMAGE, "c", 40);
		assertThat(this.cache.get(IMAGE, "b")).isNull();
		assertThat(this.cache.get(IMAGE, "a")).isNotNull();
		assertThat(this.cache.get(IMAGE, "c")).isNotNull();
		assertThat(this.cache.statistics()).isEqualTo(new CdnCacheStatistics(3, 3, 1, 1, 2, 80, 100));
	}

	@Test
	void aVariantLargerThanTheBoundIsNotKeptAndEvictsNothing() {
		put(IMAGE, "a", 60);
		put(IMAGE, "huge", 101);
		assertThat(this.cache.get(IMAGE, "huge")).isNull();
		assertThat(this.cache.get(IMAGE, "a")).isNotNull();
		assertThat(this.cache.statistics().bytes()).isEqualTo(60);
	}

	@Test
	void storingTheSameVariantTwiceCountsItsBytesOnce() {
		put(IMAGE, "a", 30);
		put(IMAGE, "a", 30);
		assertThat(this.cache.statistics().entries()).isEqualTo(1);
		assertThat(this.cache.statistics().bytes()).isEqualTo(30);
	}

	@Test
	void variantsOfImagesNoLongerDeliveredAreDroppedWhenTheNextIsStored() {
		UUID deleted = UUID.randomUUID();
		put(deleted, "a", 10);
		put(deleted, "b", 10);
		put(IMAGE, "a", 10);
		this.cache.put(IMAGE, "b", variant(10), (id) -> !id.equals(deleted));
		assertThat(this.cache.get(deleted, "a")).isNull();
		assertThat(this.cache.statistics().entries()).isEqualTo(2);
		assertThat(this.cache.statistics().bytes()).isEqualTo(20);
		assertThat(this.cache.statistics().evictions()).isEqualTo(2);
	}

	@Test
	void clearForgetsVariantsAndCounters() {
		put(IMAGE, "a", 10);
		this.cache.get(IMAGE, "a");
		this.cache.clear();
		assertThat(this.cache.statistics()).isEqualTo(new CdnCacheStatistics(0, 0, 0, 0, 0, 0, 100));
		assertThat(this.cache.get(IMAGE, "a")).isNull();
	}

	private void put(UUID image, String key, int length) {
		this.cache.put(image, key, variant(length), (id) -> true);
	}

	private static Variant variant(int length) {
		return Variant.of(new byte[length], "image/png");
	}

}
