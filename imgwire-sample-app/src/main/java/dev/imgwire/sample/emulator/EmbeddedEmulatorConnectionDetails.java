package dev.imgwire.sample.emulator;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * Points the Imgwire client at the embedded emulator. Being a bean of this type, it
 * replaces the {@code imgwire.*} properties, so the auto-configuration does not fail for
 * want of a Server Key.
 *
 * @author Imgwire
 */
final class EmbeddedEmulatorConnectionDetails implements ImgwireConnectionDetails {

	private final ImgwireEmulator emulator;

	EmbeddedEmulatorConnectionDetails(ImgwireEmulator emulator) {
		this.emulator = emulator;
	}

	@Override
	public String getBaseUrl() {
		return this.emulator.baseUrl();
	}

	@Override
	public String getServerKey() {
		return this.emulator.serverKey();
	}

	@Override
	public String getClientKey() {
		return this.emulator.clientKey();
	}

	@Override
	public String toString() {
		return "EmbeddedEmulatorConnectionDetails[baseUrl=" + getBaseUrl() + ", serverKey=<redacted>, clientKey=<redacted>]";
	}

}
