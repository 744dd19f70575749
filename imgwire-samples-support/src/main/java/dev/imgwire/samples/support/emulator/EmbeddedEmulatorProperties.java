package dev.imgwire.samples.support.emulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the emulator a sample starts when no Server Key is configured.
 *
 * @param processingDelay how long an uploaded image stays in processing before it is
 * {@code READY}, as with the real API; long enough to see the page show it. Each sample
 * sets its own in its {@code application.properties}
 * @param allowLoopbackUrls whether imports by URL may fetch from loopback addresses; off,
 * as the real Imgwire fetches public addresses only, so that an import cannot probe this
 * machine. Tests that import from a local server turn it on
 * @author Imgwire
 */
@ConfigurationProperties("sample.emulator")
public record EmbeddedEmulatorProperties(@DefaultValue("1s") Duration processingDelay,
		@DefaultValue("false") boolean allowLoopbackUrls) {

}
