/**
 * The images resource: the default {@link dev.imgwire.client.ImgwireImagesClient} and its
 * upload orchestration.
 */
@NullMarked
package dev.imgwire.client.images;

import org.jspecify.annotations.NullMarked;
