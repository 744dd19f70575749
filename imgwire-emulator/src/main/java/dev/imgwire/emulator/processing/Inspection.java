package dev.imgwire.emulator.processing;

import org.jspecify.annotations.Nullable;

import dev.imgwire.emulator.state.ImageFormat;

/**
 * What the bytes of an upload turned out to be.
 *
 * @param format the format recognised from the magic bytes, or {@code null}
 * @param dimensions the size from the header, or {@code null} when unreadable or not
 * supported for the format
 * @author imgwire
 */
public record Inspection(@Nullable ImageFormat format, @Nullable Dimensions dimensions) {

}
