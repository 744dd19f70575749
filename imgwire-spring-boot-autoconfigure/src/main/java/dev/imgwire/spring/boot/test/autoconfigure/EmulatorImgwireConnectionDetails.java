package dev.imgwire.spring.boot.test.autoconfigure;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * {@link ImgwireConnectionDetails} of a running {@link ImgwireEmulator}.
 *
 * @author Imgwire
 */
class EmulatorImgwireConnectionDetails implements ImgwireConnectionDetails {

	private final ImgwireEmulator emulator;

	EmulatorImgwireConnectionDetails(ImgwireEmulator emulator) {
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
		return "EmulatorImgwireConnectionDetails[baseUrl=" + getBaseUrl() + ", serverKey=<redacted>, clientKey=<redacted>]";
	}

}
