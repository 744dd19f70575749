/**
 * Delivery URLs for Imgwire images: {@link dev.imgwire.client.cdn.ImageUrl}, an immutable
 * builder for transformation URLs on an image's {@code cdn_url}, and the responsive image
 * helpers {@link dev.imgwire.client.cdn.Srcset}, {@link dev.imgwire.client.cdn.Sizes} and
 * {@link dev.imgwire.client.cdn.ImgTag}.
 * <p>
 * Plain Java: no network, no client and no Spring are needed. Unlike the official Python
 * and Node SDKs, which drop invalid values silently, every builder here rejects an
 * invalid value at once with an {@link java.lang.IllegalArgumentException} naming the
 * parameter, the value and the rule.
 */
@NullMarked
package dev.imgwire.client.cdn;

import org.jspecify.annotations.NullMarked;
