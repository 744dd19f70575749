package dev.imgwire.emulator.processing;

/**
 * Pixel size read from an image header.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @author imgwire
 */
public record Dimensions(int width, int height) {

}
