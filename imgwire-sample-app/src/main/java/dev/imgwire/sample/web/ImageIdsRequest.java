package dev.imgwire.sample.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Body of the bulk endpoints: {@code {"ids": [...]}}.
 *
 * @param ids the image ids
 * @author Imgwire
 */
public record ImageIdsRequest(@Nullable List<String> ids) {

	List<String> idsOrEmpty() {
		return (this.ids != null) ? this.ids : List.of();
	}

}
