package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the emulator really did, for the metrics API: uploads, CDN deliveries and their
 * bytes, transformations asked of the CDN, and stored bytes over time. Each event is
 * stamped with the store's clock.
 * <p>
 * Events are summed per second rather than kept one by one, so memory grows with the
 * seconds that saw activity, not with the number of requests. Every metrics bucket starts
 * on a whole second in every time zone (zone offsets are whole seconds), so the sums
 * answer any bucket exactly.
 *
 * @author imgwire
 */
public final class Usage {

	private static final int UPLOADS = 0;

	private static final int TRANSFORMATIONS = 1;

	private static final int CDN_REQUESTS = 2;

	private static final int TRANSFER_BYTES = 3;

	private static final int STORAGE_ADDED = 4;

	private static final int STORAGE_RELEASED = 5;

	private final NavigableMap<Long, long[]> bySecond = new TreeMap<>();

	/**
	 * An image received its bytes and they were stored.
	 * @param at when
	 * @param bytes the stored size
	 */
	public synchronized void recordUpload(Instant at, long bytes) {
		long[] second = second(at);
		second[UPLOADS]++;
		second[STORAGE_ADDED] += bytes;
	}

	/**
	 * The bytes of an uploaded image were deleted.
	 * @param at when
	 * @param bytes the released size
	 */
	public synchronized void recordStorageReleased(Instant at, long bytes) {
		second(at)[STORAGE_RELEASED] += bytes;
	}

	/**
	 * The CDN delivered an image.
	 * @param at when
	 * @param bytesSent the size of the delivered body
	 */
	public synchronized void recordCdnRequest(Instant at, long bytesSent) {
		long[] second = second(at);
		second[CDN_REQUESTS]++;
		second[TRANSFER_BYTES] += bytesSent;
	}

	/**
	 * The CDN was asked for a transformed variant.
	 * @param at when
	 */
	public synchronized void recordTransformation(Instant at) {
		second(at)[TRANSFORMATIONS]++;
	}

	/**
	 * Usage in {@code [from, to)}.
	 * @param from the first instant, inclusive
	 * @param to the last instant, exclusive
	 * @return the sums
	 */
	public synchronized UsageTotals between(Instant from, Instant to) {
		long[] sums = new long[6];
		long first = secondOf(from);
		long end = secondOf(to);
		if (first < end) {
			for (long[] second : this.bySecond.subMap(first, true, end, false).values()) {
				for (int i = 0; i < sums.length; i++) {
					sums[i] += second[i];
				}
			}
		}
		return totals(sums);
	}

	/**
	 * Usage before an instant, from the start; its {@link UsageTotals#storageBytesNet()}
	 * is the bytes stored at that instant.
	 * @param to the instant, exclusive
	 * @return the sums
	 */
	public UsageTotals before(Instant to) {
		return between(Instant.MIN, to);
	}

	public UsageTotals total() {
		return between(Instant.MIN, Instant.MAX);
	}

	public synchronized void clear() {
		this.bySecond.clear();
	}

	private long[] second(Instant at) {
		return this.bySecond.computeIfAbsent(at.getEpochSecond(), (key) -> new long[6]);
	}

	/**
	 * The first whole second at or after an instant, so that {@code [from, to)} over
	 * seconds covers exactly the events in {@code [from, to)}.
	 */
	private static long secondOf(Instant instant) {
		return (instant.getNano() > 0) ? instant.getEpochSecond() + 1 : instant.getEpochSecond();
	}

	private static UsageTotals totals(long[] sums) {
		return new UsageTotals(sums[UPLOADS], sums[TRANSFORMATIONS], sums[CDN_REQUESTS], sums[TRANSFER_BYTES],
				sums[STORAGE_ADDED], sums[STORAGE_RELEASED]);
	}

}
