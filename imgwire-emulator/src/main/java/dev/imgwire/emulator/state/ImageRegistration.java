package dev.imgwire.emulator.state;

/**
 * Result of an idempotent create.
 *
 * @param image the new image, or the existing one holding the idempotency key
 * @param created whether the image was created by this call
 * @author imgwire
 */
public record ImageRegistration(ImageRecord image, boolean created) {

}
