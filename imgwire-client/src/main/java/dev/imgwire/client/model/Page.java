package dev.imgwire.client.model;

import java.util.List;

/**
 * One page of a list operation.
 *
 * @param <T> item type
 * @param items the items on this page
 * @param pagination where this page stands
 * @author Imgwire
 */
public record Page<T>(List<T> items, Pagination pagination) {

	public Page {
		items = List.copyOf(items);
	}

}
