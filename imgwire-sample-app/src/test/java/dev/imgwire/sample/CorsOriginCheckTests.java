package dev.imgwire.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.state.EmulatedCorsOrigin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At startup the app checks, through the CORS origins client, that the origins browsers
 * load it from are among the environment's CORS origins.
 *
 * @author Imgwire
 */
@ExtendWith(OutputCaptureExtension.class)
class CorsOriginCheckTests {

	private static ImgwireEmulator imgwire;

	@BeforeAll
	static void startImgwire() {
		imgwire = ImgwireEmulator.builder().requireSignedUploads(true).start();
	}

	@AfterAll
	static void stopImgwire() {
		imgwire.close();
	}

	@BeforeEach
	void reset() {
		imgwire.reset();
	}

	@Test
	void withRealKeysAMissingOriginIsLoggedWithWhatToDoAndNotAdded(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			int port = port(context);
			assertThat(output.getAll()).contains("Imgwire will refuse browser uploads from http://localhost:" + port)
				.contains("sample.cors.register-origin=true")
				.doesNotContain(imgwire.serverKey());
			assertThat(imgwire.state().corsOrigins()).isEmpty();
		}
	}

	@Test
	void withRealKeysAndRegistrationOnTheMissingOriginsAreAdded() {
		try (ConfigurableApplicationContext context = run("--sample.cors.register-origin=true")) {
			int port = port(context);
			assertThat(imgwire.state().corsOrigins()).extracting(EmulatedCorsOrigin::pattern)
				.containsExactlyInAnyOrder("http://localhost:" + port, "http://127.0.0.1:" + port);
		}
	}

	@Test
	void anOriginThatIsAlreadyAllowedIsNeitherAddedAgainNorReported(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--sample.cors.register-origin=true",
				"--sample.cors.origins=https://app.example.com")) {
			assertThat(imgwire.state().corsOrigins()).extracting(EmulatedCorsOrigin::pattern)
				.containsExactly("https://app.example.com");
		}
		try (ConfigurableApplicationContext context = run("--sample.cors.origins=https://APP.example.com/")) {
			assertThat(imgwire.state().corsOrigins()).hasSize(1);
			assertThat(output.getAll()).doesNotContain("will refuse browser uploads from https://APP.example.com");
		}
	}

	@Test
	void theEmbeddedEmulatorGetsTheAppsOriginsThroughTheSameClientCall() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImgwireSampleApplication.class)
			.run("--server.port=0", "--sample.security.password=cors-check-test-password")) {
			int port = port(context);
			ImgwireEmulator embedded = context.getBean(ImgwireEmulator.class);
			assertThat(embedded.state().corsOrigins()).extracting(EmulatedCorsOrigin::pattern)
				.containsExactlyInAnyOrder("http://localhost:" + port, "http://127.0.0.1:" + port);
		}
	}

	private static ConfigurableApplicationContext run(String... more) {
		String[] common = { "--server.port=0", "--imgwire.base-url=" + imgwire.baseUrl(),
				"--imgwire.server-key=" + imgwire.serverKey(), "--imgwire.client-key=" + imgwire.clientKey(),
				"--sample.security.password=cors-check-test-password" };
		String[] all = new String[common.length + more.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(more, 0, all, common.length, more.length);
		return new SpringApplicationBuilder(ImgwireSampleApplication.class).run(all);
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
