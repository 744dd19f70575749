package dev.imgwire.sample.web;

/**
 * Answer of {@code POST /api/images/bulk-delete}.
 *
 * @param deleted how many images were deleted
 * @author Imgwire
 */
public record BulkDeleteResponse(int deleted) {

}
