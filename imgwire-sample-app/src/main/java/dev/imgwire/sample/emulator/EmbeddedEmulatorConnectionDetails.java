package dev.imgwire.sample.emulator;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * {@link ImgwireConnectionDetails} of the embedded {@link ImgwireEmulator}: its base URL
 * and its keys. The sample's own class, so that its production code needs nothing from
 * the test support of {@code imgwire-spring-boot-test}.
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
