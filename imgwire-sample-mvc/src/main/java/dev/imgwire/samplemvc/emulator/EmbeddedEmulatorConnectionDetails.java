package dev.imgwire.samplemvc.emulator;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * Points the auto-configured client at the embedded emulator: its base URL and its
 * generated keys. The keys are never printed.
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
		return "EmbeddedEmulatorConnectionDetails[baseUrl=" + getBaseUrl()
				+ ", serverKey=<redacted>, clientKey=<redacted>]";
	}

}
