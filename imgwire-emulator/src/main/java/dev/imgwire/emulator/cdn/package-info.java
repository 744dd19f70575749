/**
 * The emulator's CDN transformations: its own table of the transformation parameters
 * (checked independently of the client's URL builder on purpose), presets, resizing and
 * format conversion with {@code javax.imageio} and {@code java.awt}, and a cache of the
 * transformed variants bounded by bytes.
 * <p>
 * Internal: the public face is {@code ImgwireEmulator.cdnCache()} and
 * {@link dev.imgwire.emulator.cdn.CdnCacheStatistics}.
 */
@NullMarked
package dev.imgwire.emulator.cdn;

import org.jspecify.annotations.NullMarked;
