package dev.imgwire.emulator.state;

/**
 * Which creation sequence numbers are live, as a Fenwick tree of 0/1 counts, so that "the
 * n-th live image" takes O(log n) instead of walking the first n: a list page costs the
 * same at offset 0 as at offset 100,000. Sequence numbers are dense from {@link #base},
 * one per image created since the last {@link #reset}; the tree doubles when they outgrow
 * it. Not thread-safe: {@link Images} calls it under its monitor.
 *
 * @author imgwire
 */
final class LiveIndex {

	private long base;

	/** 1-based Fenwick tree; tree[i] covers the sequences (i - lowbit(i), i]. */
	private int[] tree = new int[1025];

	/** The sequences the tree covers, a power of two. */
	private int capacity = 1024;

	/**
	 * Forget every sequence; the next ones start at {@code nextSequence}.
	 * @param nextSequence the next sequence number that will be added
	 */
	void reset(long nextSequence) {
		this.base = nextSequence;
		this.capacity = 1024;
		this.tree = new int[this.capacity + 1];
	}

	/**
	 * Mark a sequence live.
	 * @param sequence a sequence at or after the base
	 */
	void add(long sequence) {
		long position = sequence - this.base + 1;
		while (position > this.capacity) {
			grow();
		}
		update((int) position, 1);
	}

	/**
	 * Mark a live sequence deleted.
	 * @param sequence the sequence
	 */
	void remove(long sequence) {
		long position = sequence - this.base + 1;
		if (position >= 1 && position <= this.capacity) {
			update((int) position, -1);
		}
	}

	/**
	 * The live sequence with {@code skipped} live sequences before it.
	 * @param skipped how many live sequences come first
	 * @return the sequence, or {@code -1} when fewer are live
	 */
	long nth(long skipped) {
		long remaining = skipped + 1;
		int position = 0;
		for (int step = this.capacity; step > 0; step >>= 1) {
			int next = position + step;
			if (next <= this.capacity && this.tree[next] < remaining) {
				position = next;
				remaining -= this.tree[next];
			}
		}
		return (position < this.capacity) ? this.base + position : -1;
	}

	private void update(int position, int delta) {
		for (int i = position; i <= this.capacity; i += i & -i) {
			this.tree[i] += delta;
		}
	}

	/**
	 * Double the capacity. The counts of the old range are recovered from the old tree
	 * and the new tree built in linear time.
	 */
	private void grow() {
		int oldCapacity = this.capacity;
		int[] counts = new int[oldCapacity * 2 + 1];
		for (int i = 1; i <= oldCapacity; i++) {
			counts[i] = prefix(i) - prefix(i - 1);
		}
		int newCapacity = oldCapacity * 2;
		for (int i = 1; i <= newCapacity; i++) {
			int parent = i + (i & -i);
			if (parent <= newCapacity) {
				counts[parent] += counts[i];
			}
		}
		this.tree = counts;
		this.capacity = newCapacity;
	}

	private int prefix(int position) {
		int sum = 0;
		for (int i = position; i > 0; i -= i & -i) {
			sum += this.tree[i];
		}
		return sum;
	}

	@Override
	public String toString() {
		return "LiveIndex[base=" + this.base + ", capacity=" + this.capacity + ", live=" + prefix(this.capacity) + "]";
	}

}
