package dev.imgwire.sample;

import org.junit.jupiter.api.Test;

import dev.imgwire.sample.support.SampleAppClient;
import dev.imgwire.samples.support.test.ReadmeRunCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command works on this checkout: {@code ./mvnw -pl imgwire-sample-app
 * -am spring-boot:run} builds what the sample needs, starts it with the embedded
 * emulator, and a person can log in with the password from the log.
 *
 * @author Imgwire
 */
class ReadmeRunCommandIT {

	@Test
	void readmeRunCommandStartsTheAppWhoseLoginPageAcceptsThePasswordFromTheLog() throws Exception {
		try (ReadmeRunCommand run = ReadmeRunCommand.start("imgwire-sample-app")) {
			String password = run.awaitLoginPageAndGeneratedPassword();
			new SampleAppClient(run.port()).login("demo", password);
			assertThat(run.log()).contains("embedded Imgwire emulator");
			run.stopLeavingNothingBehind();
		}
	}

}
