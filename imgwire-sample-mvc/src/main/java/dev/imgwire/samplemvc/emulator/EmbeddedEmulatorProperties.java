package dev.imgwire.samplemvc.emulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the emulator the sample starts when no Server Key is configured.
 *
 * @param processingDelay how long an uploaded image stays in processing before it is
 * {@code READY}, as with the real API; the gallery shows the status meanwhile
 * @author Imgwire
 */
@ConfigurationProperties("sample.emulator")
public record EmbeddedEmulatorProperties(@DefaultValue("1s") Duration processingDelay) {

}
