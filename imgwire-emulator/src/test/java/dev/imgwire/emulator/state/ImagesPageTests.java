package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages of live images, found through the index of live positions, are the pages a walk
 * over the live images in creation order gives, across creations, deletions, growth of
 * the index and resets.
 */
class ImagesPageTests {

	private final Images images = new Images();

	@Test
	void pagesMatchAWalkOverTheLiveImagesThroughDeletionsGrowthAndResets() {
		Random random = new Random(3);
		for (int round = 0; round < 3; round++) {
			List<UUID> created = new ArrayList<>();
			int count = 500 + random.nextInt(3000);
			for (int i = 0; i < count; i++) {
				created.add(create("image-" + i));
				if (random.nextInt(10) == 0) {
					UUID victim = created.get(random.nextInt(created.size()));
					this.images.deleteAll(List.of(victim), Instant.EPOCH);
				}
			}
			List<UUID> live = this.images.live().stream().map(ImageRecord::id).toList();
			assertThat(this.images.liveCount()).isEqualTo(live.size());
			for (int limit : new int[] { 1, 7, 100 }) {
				for (long offset = 0; offset <= live.size() + limit; offset += limit) {
					Page<ImageRecord> page = this.images.page(offset, limit);
					List<UUID> expected = live.subList((int) Math.min(offset, live.size()),
							(int) Math.min(offset + limit, live.size()));
					assertThat(page.items()).extracting(ImageRecord::id)
						.as("offset %d limit %d", offset, limit)
						.containsExactlyElementsOf(expected);
					assertThat(page.total()).isEqualTo(live.size());
				}
			}
			this.images.clear();
			assertThat(this.images.page(0, 100).items()).isEmpty();
		}
	}

	@Test
	void anAbsurdOffsetGivesAnEmptyPage() {
		create("a");
		assertThat(this.images.page(Long.MAX_VALUE, 100).items()).isEmpty();
		assertThat(this.images.page(1, 100).items()).isEmpty();
		assertThat(this.images.page(0, 100).items()).hasSize(1);
	}

	private UUID create(String name) {
		ImageDraft draft = new ImageDraft(name + ".png", ImageFormat.PNG, true, null, null, null, null, Map.of(), null);
		return this.images.createUnlessKnown(draft, Instant.EPOCH).image().id();
	}

}
