package dev.imgwire.emulator.state;

import java.nio.file.Path;

/**
 * Bytes fully received into a temporary file.
 *
 * @param file the temporary file
 * @param size the number of bytes
 * @param sha256 lowercase hex SHA-256 of the bytes
 * @author imgwire
 */
public record ReceivedBlob(Path file, long size, String sha256) {

}
