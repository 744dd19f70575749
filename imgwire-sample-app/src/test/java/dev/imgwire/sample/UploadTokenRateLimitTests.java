package dev.imgwire.sample;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.support.PngServer;
import dev.imgwire.sample.support.SampleAppClient;
import dev.imgwire.samples.support.test.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user limit on what the server has Imgwire create (upload tokens, URL imports,
 * download jobs), over real HTTP. Each test gets a fresh application, so a fresh bucket.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=rate-test-password", "sample.rate-limit.tokens-per-minute=3",
				"sample.emulator.processing-delay=20ms",
				// Imports from a local test server.
				"sample.emulator.allow-loopback-urls=true" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class UploadTokenRateLimitTests {

	private static PngServer pngServer;

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@BeforeAll
	static void servePng() {
		pngServer = new PngServer(TestImages.noisePng(8, 8));
	}

	@AfterAll
	static void stopPngServer() {
		pngServer.close();
	}

	@Test
	void userAskingForMoreTokensThanTheLimitGets429WithRetryAfterAndAJsonError() {
		SampleAppClient user = user();
		for (int i = 0; i < 3; i++) {
			assertThat(user.postJson("/api/upload-tokens", "").statusCode()).isEqualTo(200);
		}

		HttpResponse<String> limited = user.postJson("/api/upload-tokens", "");

		assertTooManyRequests(limited);
	}

	@Test
	void userImportingMoreUrlsThanTheLimitGets429AndImgwireCreatesNothing() {
		SampleAppClient user = user();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> imported = importPng(user);
			assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		}
		int imagesBefore = this.emulator.state().images().size();

		HttpResponse<String> limited = importPng(user);

		assertTooManyRequests(limited);
		assertThat(this.emulator.state().images()).hasSize(imagesBefore);
	}

	@Test
	void uploadTokensImportsAndDownloadsDrawOnTheSameLimit() {
		SampleAppClient user = user();
		for (int i = 0; i < 3; i++) {
			assertThat(user.postJson("/api/upload-tokens", "").statusCode()).isEqualTo(200);
		}
		int imagesBefore = this.emulator.state().images().size();

		HttpResponse<String> limitedImport = importPng(user);
		HttpResponse<String> limitedDownload = user.postJson("/api/downloads",
				"{\"ids\":[\"" + UUID.randomUUID() + "\"]}");

		assertTooManyRequests(limitedImport);
		assertTooManyRequests(limitedDownload);
		assertThat(this.emulator.state().images()).hasSize(imagesBefore);
		assertThat(this.emulator.state().downloadJobs()).isEmpty();
	}

	private SampleAppClient user() {
		return new SampleAppClient(this.port).login("demo", "rate-test-password");
	}

	private static HttpResponse<String> importPng(SampleAppClient user) {
		return user.postJson("/api/images/import", "{\"url\":\"" + pngServer.url() + "\"}");
	}

	private static void assertTooManyRequests(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((retryAfter) -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L));
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(SampleAppClient.json(response).path("error").asString()).contains("try again");
	}

}
