package dev.imgwire.sample;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.support.SampleAppClient;
import dev.imgwire.samples.support.test.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-side upload: the browser posts a file to this server, which streams it on to
 * Imgwire with the Server Key.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=server-upload-test-password", "sample.emulator.processing-delay=50ms",
				"sample.rate-limit.tokens-per-minute=1000" })
class ServerUploadTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@Test
	void aPostedPngIsStoredInImgwireWithItsExactBytes() {
		byte[] png = TestImages.noisePng(300, 200);

		HttpResponse<String> response = user().postFile("/api/images/upload", "posted.png", "image/png", png);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode image = SampleAppClient.json(response);
		assertThat(image.path("originalFilename").asString()).isEqualTo("posted.png");
		assertThat(image.path("mimeType").asString()).isEqualTo("image/png");
		assertThat(image.path("thumbnailUrl").asString()).contains("width=240");
		assertThat(this.emulator.state().storedBytes(UUID.fromString(image.path("id").asString()))).hasValue(png);
	}

	@Test
	void aFileThatIsNoImageIsRefusedWithAMessageAndNothingIsCreated() {
		byte[] text = "just some text, not an image".getBytes(StandardCharsets.UTF_8);
		long createsBefore = this.emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD);

		HttpResponse<String> response = user().postFile("/api/images/upload", "notes.txt", "text/plain", text);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(SampleAppClient.json(response).path("error").asString()).isNotBlank();
		assertThat(this.emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(createsBefore);
	}

	@Test
	void anAnonymousPostIsRefused() {
		long createsBefore = this.emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD);

		HttpResponse<String> response = new SampleAppClient(this.port).postFile("/api/images/upload", "x.png",
				"image/png", TestImages.noisePng(2, 2));

		assertThat(response.statusCode()).isIn(401, 403);
		assertThat(this.emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(createsBefore);
	}

	private SampleAppClient user() {
		return new SampleAppClient(this.port).login("demo", "server-upload-test-password");
	}

}
