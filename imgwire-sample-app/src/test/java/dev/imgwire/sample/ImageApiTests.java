package dev.imgwire.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.support.PngServer;
import dev.imgwire.sample.support.SampleAppClient;
import dev.imgwire.samples.support.test.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gallery's server-side endpoints, which call Imgwire with the Server Key, and how
 * Imgwire's failures reach the page.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=image-api-test-password", "sample.emulator.processing-delay=50ms",
				// Imports from a local test server.
				"sample.emulator.allow-loopback-urls=true", "sample.rate-limit.tokens-per-minute=1000",
				// Failures below are injected once each; retries would hide them.
				"imgwire.retry.enabled=false" })
class ImageApiTests {

	private static PngServer pngServer;

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@BeforeAll
	static void servePng() {
		pngServer = new PngServer(TestImages.noisePng(32, 24));
	}

	@AfterAll
	static void stopPngServer() {
		pngServer.close();
	}

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	@Test
	void importByUrlCreatesAnImageFromTheRemoteFile() {
		HttpResponse<String> response = user().postJson("/api/images/import", "{\"url\":\"" + pngServer.url() + "\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode image = SampleAppClient.json(response);
		assertThat(image.path("mimeType").asString()).isEqualTo("image/png");
		assertThat(image.path("cdnUrl").asString()).isNotBlank();
		assertThat(this.emulator.state().image(UUID.fromString(image.path("id").asString()))).isPresent();
	}

	@Test
	void importWithoutAUrlAnswers400NamingTheField() {
		HttpResponse<String> response = user().postJson("/api/images/import", "{\"url\":\"\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SampleAppClient.json(response).path("field").asString()).isEqualTo("url");
	}

	@Test
	void galleryListsOnePageWithItsPagination() {
		SampleAppClient user = user();
		for (int i = 0; i < 3; i++) {
			importPng(user);
		}
		long total = this.emulator.state().images().size();

		HttpResponse<String> response = user.get("/api/images?page=1&limit=2");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode page = SampleAppClient.json(response);
		assertThat(page.path("items").size()).isEqualTo(2);
		assertThat(page.path("items").get(0).path("id").asString()).isNotBlank();
		assertThat(page.path("items").get(0).path("status").asString()).isNotBlank();
		assertThat(page.path("pagination").path("totalCount").asLong()).isEqualTo(total);
		assertThat(page.path("pagination").path("page").asInt()).isEqualTo(1);
		assertThat(page.path("pagination").path("limit").asInt()).isEqualTo(2);
		assertThat(page.path("pagination").path("nextPage").asInt()).isEqualTo(2);
		assertThat(page.path("pagination").path("prevPage").isNull()).isTrue();
	}

	@Test
	void galleryPageSizeOutOfRangeAnswers400NamingTheField() {
		HttpResponse<String> response = user().get("/api/images?page=1&limit=1000");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SampleAppClient.json(response).path("field").asString()).isEqualTo("limit");
	}

	@Test
	void deleteRemovesTheImage() {
		SampleAppClient user = user();
		String id = importPng(user);

		HttpResponse<String> response = user.delete("/api/images/" + id);

		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.emulator.state().image(UUID.fromString(id))).isEmpty();
	}

	@Test
	void deleteOfAnUnknownImageAnswers404() {
		HttpResponse<String> response = user().delete("/api/images/" + UUID.randomUUID());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(SampleAppClient.json(response).path("error").asString()).isNotBlank();
	}

	@Test
	void deleteOfAnIdThatIsNoUuidAnswers400NamingTheField() {
		HttpResponse<String> response = user().delete("/api/images/not-a-uuid");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SampleAppClient.json(response).path("field").asString()).isNotBlank();
	}

	@Test
	void deleteWithoutACsrfTokenIsRefused() {
		SampleAppClient user = user();
		String id = importPng(user);

		HttpResponse<String> response = user.postJson("/api/images/bulk-delete", "{\"ids\":[\"" + id + "\"]}", null);

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(this.emulator.state().image(UUID.fromString(id))).isPresent();
	}

	@Test
	void bulkDeleteRemovesEverySelectedImage() {
		SampleAppClient user = user();
		String first = importPng(user);
		String second = importPng(user);

		HttpResponse<String> response = user.postJson("/api/images/bulk-delete",
				"{\"ids\":[\"" + first + "\",\"" + second + "\"]}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(SampleAppClient.json(response).path("deleted").asInt()).isEqualTo(2);
		assertThat(this.emulator.state().image(UUID.fromString(first))).isEmpty();
		assertThat(this.emulator.state().image(UUID.fromString(second))).isEmpty();
	}

	@Test
	void bulkDeleteWithoutIdsAnswers400() {
		HttpResponse<String> response = user().postJson("/api/images/bulk-delete", "{\"ids\":[]}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SampleAppClient.json(response).path("field").asString()).isNotBlank();
	}

	@Test
	void bulkDownloadAnswersWithALinkToTheZipOnceItIsReady() throws Exception {
		SampleAppClient user = user();
		String id = importPng(user);

		HttpResponse<String> response = user.postJson("/api/downloads", "{\"ids\":[\"" + id + "\"]}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String downloadUrl = SampleAppClient.json(response).path("downloadUrl").asString();
		HttpResponse<byte[]> zip = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(downloadUrl)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.body()).startsWith((byte) 'P', (byte) 'K');
	}

	@Test
	void imgwireFailingAnswers502WithAJsonError() {
		this.emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(500);

		HttpResponse<String> response = user().get("/api/images");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(SampleAppClient.json(response).path("error").asString()).contains("Imgwire");
	}

	@Test
	void imgwireRateLimitingAnswers429WithItsRetryAfter() {
		this.emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, Duration.ofSeconds(7));

		HttpResponse<String> response = user().get("/api/images");

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(SampleAppClient.json(response).path("error").asString()).isNotBlank();
	}

	private SampleAppClient user() {
		return new SampleAppClient(this.port).login("demo", "image-api-test-password");
	}

	private static String importPng(SampleAppClient user) {
		HttpResponse<String> response = user.postJson("/api/images/import", "{\"url\":\"" + pngServer.url() + "\"}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return SampleAppClient.json(response).path("id").asString();
	}

}
