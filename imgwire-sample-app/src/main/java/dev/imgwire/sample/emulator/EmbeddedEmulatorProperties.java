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
 * @author Imgwire
 */
@ConfigurationProperties("sample.emulator")
public record EmbeddedEmulatorProperties(@DefaultValue("1500ms") Duration processingDelay) {

}
