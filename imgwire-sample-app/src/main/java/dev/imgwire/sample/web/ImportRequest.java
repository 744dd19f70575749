package dev.imgwire.sample.web;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/images/import}.
 *
 * @param url the public URL Imgwire should fetch the image from
 * @author Imgwire
 */
public record ImportRequest(@Nullable String url) {

}
