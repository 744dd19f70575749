package dev.imgwire.sample.emulator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.imgwire.samples.support.emulator.EmbeddedEmulatorCustomizer;
import dev.imgwire.samples.support.emulator.NoServerKeyCondition;

/**
 * What this sample's embedded emulator (see the imported
 * {@code EmbeddedEmulatorConfiguration}) adds to the shared one: it behaves like a
 * production environment set up for browser uploads, where Client Keys need an upload
 * token. The page's origins are registered as CORS origins once the app listens, through
 * the CORS origins client (see {@code CorsOriginCheck}), as with real keys.
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoServerKeyCondition.class)
public final class SignedUploadsConfiguration {

	@Bean
	EmbeddedEmulatorCustomizer signedUploads() {
		return (builder) -> builder.requireSignedUploads(true);
	}

}
