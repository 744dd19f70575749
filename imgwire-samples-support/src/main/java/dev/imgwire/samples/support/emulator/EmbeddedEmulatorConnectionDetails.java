package dev.imgwire.samples.support.emulator;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * Points the auto-configured client at the embedded emulator: its base URL and its
 * generated keys. The keys are never printed.
 *
 * <p>
 * The library's {@code EmulatorImgwireConnectionDetails} does the same for
 * {@code @AutoConfigureImgwireEmulator}, but lives with the test auto-configuration; the
 * samples' production code uses this one.
 *
 * @author Imgwire
 */
public final class EmbeddedEmulatorConnectionDetails implements ImgwireConnectionDetails {

	private final ImgwireEmulator emulator;

	/**
	 * Connection details of the given emulator.
	 * @param emulator the running emulator
	 */
	public EmbeddedEmulatorConnectionDetails(ImgwireEmulator emulator) {
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
