package dev.imgwire.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.support.SampleAppClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a Server Key configured the sample starts no emulator of its own and talks to the
 * configured API, here a separately started emulator standing in for Imgwire.
 *
 * @author Imgwire
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfiguredApiModeTests {

	private static ImgwireEmulator imgwire;

	@BeforeAll
	static void startImgwire() {
		imgwire = ImgwireEmulator.builder().requireSignedUploads(true).start();
	}

	@AfterAll
	static void stopImgwire() {
		imgwire.close();
	}

	@Test
	void withTheServerKeyPropertyTheAppUsesTheConfiguredApiAndStartsNoEmulator(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--imgwire.server-key=" + imgwire.serverKey())) {
			assertThat(context.getBeanNamesForType(ImgwireEmulator.class)).isEmpty();
			assertTokenComesFromTheConfiguredApi(context);
		}
		assertThat(output.getAll()).doesNotContain("embedded Imgwire emulator").doesNotContain(imgwire.serverKey());
	}

	@Test
	void withTheImgwireApiKeyVariableTheAppUsesTheConfiguredApiAndStartsNoEmulator() {
		try (ConfigurableApplicationContext context = run("--IMGWIRE_API_KEY=" + imgwire.serverKey())) {
			assertThat(context.getBeanNamesForType(ImgwireEmulator.class)).isEmpty();
			assertTokenComesFromTheConfiguredApi(context);
		}
	}

	@Test
	void withoutAClientKeyTheTokenEndpointExplainsThatTheBrowserCannotUpload() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImgwireSampleApplication.class).run(
				"--server.port=0", "--imgwire.base-url=" + imgwire.baseUrl(),
				"--imgwire.server-key=" + imgwire.serverKey(),
				"--sample.security.password=configured-api-test-password")) {
			SampleAppClient user = new SampleAppClient(port(context)).login("demo", "configured-api-test-password");

			HttpResponse<String> response = user.postJson("/api/upload-tokens", "");

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(SampleAppClient.json(response).path("error").asString()).contains("imgwire.client-key");
			assertThat(response.body()).doesNotContain(imgwire.serverKey());
		}
	}

	@Test
	void browserGetsTheNormalisedBaseUrlTheServerSideClientUsesNotTheRawSetting() {
		String normalised = imgwire.baseUrl().replaceAll("/+$", "");
		String untidy = "  " + normalised.replaceFirst("^http", "HTTP") + "//  ";
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImgwireSampleApplication.class).run(
				"--server.port=0", "--imgwire.base-url=" + untidy, "--imgwire.client-key=" + imgwire.clientKey(),
				"--imgwire.server-key=" + imgwire.serverKey(),
				"--sample.security.password=configured-api-test-password")) {
			SampleAppClient user = new SampleAppClient(port(context)).login("demo", "configured-api-test-password");

			HttpResponse<String> response = user.postJson("/api/upload-tokens", "");

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			assertThat(SampleAppClient.json(response).path("apiBaseUrl").asString()).isEqualTo(normalised);
		}
	}

	private static ConfigurableApplicationContext run(String serverKeyArgument) {
		return new SpringApplicationBuilder(ImgwireSampleApplication.class).run("--server.port=0",
				"--imgwire.base-url=" + imgwire.baseUrl(), "--imgwire.client-key=" + imgwire.clientKey(),
				serverKeyArgument, "--sample.security.password=configured-api-test-password");
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static void assertTokenComesFromTheConfiguredApi(ConfigurableApplicationContext context) {
		SampleAppClient user = new SampleAppClient(port(context)).login("demo", "configured-api-test-password");

		HttpResponse<String> response = user.postJson("/api/upload-tokens", "");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode grant = SampleAppClient.json(response);
		assertThat(grant.path("clientKey").asString()).isEqualTo(imgwire.clientKey());
		assertThat(imgwire.state().uploadTokens())
			.anyMatch((token) -> token.token().equals(grant.path("token").asString()));
	}

}
