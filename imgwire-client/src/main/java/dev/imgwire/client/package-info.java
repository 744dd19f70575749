/**
 * The Imgwire client: the reactive {@link dev.imgwire.client.ImgwireClient}, its builder,
 * settings and operation descriptors, the reactive {@link ImgwireImagesClient}, and the
 * blocking {@link dev.imgwire.client.ImgwireTemplate} with its resource templates.
 */
@NullMarked
package dev.imgwire.client;

import org.jspecify.annotations.NullMarked;
