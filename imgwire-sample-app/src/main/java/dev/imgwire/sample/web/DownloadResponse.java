package dev.imgwire.sample.web;

/**
 * Answer of {@code POST /api/downloads}.
 *
 * @param downloadUrl where the zip of the selected originals can be downloaded
 * @author Imgwire
 */
public record DownloadResponse(String downloadUrl) {

}
