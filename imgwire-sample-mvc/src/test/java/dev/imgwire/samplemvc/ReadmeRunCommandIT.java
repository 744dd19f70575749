package dev.imgwire.samplemvc;

import org.junit.jupiter.api.Test;

import dev.imgwire.samplemvc.support.MvcAppClient;
import dev.imgwire.samples.support.test.ReadmeRunCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command works on this checkout: {@code ./mvnw -pl imgwire-sample-mvc
 * -am spring-boot:run} builds what the sample needs, starts it on Tomcat with the
 * embedded emulator, and a person can log in with the password from the log and see the
 * gallery.
 *
 * @author Imgwire
 */
class ReadmeRunCommandIT {

	@Test
	void readmeRunCommandStartsTheAppWhoseLoginPageAcceptsThePasswordFromTheLog() throws Exception {
		// The README's command, on a free port instead of 8081.
		try (ReadmeRunCommand run = ReadmeRunCommand.start("imgwire-sample-mvc")) {
			String password = run.awaitLoginPageAndGeneratedPassword();
			String gallery = new MvcAppClient(run.port()).login("demo", password).gallery();
			assertThat(gallery).contains("No images yet");
			assertThat(run.log()).contains("using the embedded Imgwire emulator at http://127.0.0.1:")
				.contains("Tomcat started on port " + run.port());
			run.stopLeavingNothingBehind();
		}
	}

}
