package dev.imgwire.spring.boot.test.autoconfigure;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * {@link ImgwireConnectionDetails} of a running {@link ImgwireEmulator}. Used by
 * {@link AutoConfigureImgwireEmulator}, and by applications that run on an emulator of
 * their own, such as a local development mode.
 *
 * @author Imgwire
 * @since 0.1.0
 */
public final class EmulatorImgwireConnectionDetails implements ImgwireConnectionDetails {

	private final ImgwireEmulator emulator;

	/**
	 * Create connection details for the given emulator.
	 * @param emulator the running emulator
	 */
	public EmulatorImgwireConnectionDetails(ImgwireEmulator emulator) {
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
		return "EmulatorImgwireConnectionDetails[baseUrl=" + getBaseUrl()
				+ ", serverKey=<redacted>, clientKey=<redacted>]";
	}

}
