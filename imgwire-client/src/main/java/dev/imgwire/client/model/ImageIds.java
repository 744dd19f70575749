package dev.imgwire.client.model;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of the bulk operations ({@code bulk_delete} and {@code downloads}).
 *
 * @param imageIds at least one image id
 * @author Imgwire
 */
public record ImageIds(@JsonProperty("image_ids") List<UUID> imageIds) {

}
