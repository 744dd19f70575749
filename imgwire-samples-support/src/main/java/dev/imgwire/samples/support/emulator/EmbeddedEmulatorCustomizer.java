package dev.imgwire.samples.support.emulator;

import dev.imgwire.emulator.ImgwireEmulator;

/**
 * A sample's own settings of its embedded emulator, beyond
 * {@link EmbeddedEmulatorProperties}: each bean of this type is applied to the builder
 * before the emulator starts.
 *
 * @author Imgwire
 */
@FunctionalInterface
public interface EmbeddedEmulatorCustomizer {

	/**
	 * Customize the emulator about to start.
	 * @param builder the builder, with the properties already applied
	 */
	void customize(ImgwireEmulator.Builder builder);

}
