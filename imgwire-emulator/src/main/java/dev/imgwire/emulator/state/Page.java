package dev.imgwire.emulator.state;

import java.util.List;

/**
 * One page of a collection, with the size of the whole collection taken at the same
 * moment, so the items and {@code X-Total-Count} never disagree.
 *
 * @param <T> the item type
 * @param items the items on the page, in collection order
 * @param total the number of items in the collection
 * @author imgwire
 */
public record Page<T>(List<T> items, long total) {

	public Page {
		items = List.copyOf(items);
	}

}
