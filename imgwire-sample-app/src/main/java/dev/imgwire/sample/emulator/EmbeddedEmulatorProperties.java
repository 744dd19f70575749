package dev.imgwire.sample.emulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the emulator the sample starts when no Server Key is configured.
 *
 * @param processingDelay how long an uploaded image stays in processing before it is
 * {@code READY}; long enough by default to see the page poll, as it must with the real
 * API
 * @param allowLoopbackUrls whether imports by URL may fetch from loopback addresses; off,
 * as the real Imgwire fetches public addresses only, so that the import cannot probe
 * this machine. Tests that import from a local server turn it on
 * @author Imgwire
 */
@ConfigurationProperties("sample.emulator")
public record EmbeddedEmulatorProperties(@DefaultValue("1500ms") Duration processingDelay,
		@DefaultValue("false") boolean allowLoopbackUrls) {

}
