package dev.imgwire.emulator.state;

import java.io.IOException;

/**
 * Thrown while receiving bytes once they exceed the configured limit, so the transfer
 * stops early instead of filling the disk.
 *
 * @author imgwire
 */
public final class BlobTooLargeException extends IOException {

	public BlobTooLargeException(long limit) {
		super("Content exceeds the limit of " + limit + " bytes");
	}

}
