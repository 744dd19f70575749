package dev.imgwire.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.aot.AotTestContextInitializers;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.support.SampleAppClient;
import dev.imgwire.samples.support.test.TestImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The sample in the context that {@code process-test-aot} generated, run by the build's
 * {@code aot-tests} execution with {@code spring.aot.enabled=true}: an upload, a list, a
 * failed call with its typed exception, and the actuator metrics, through the client bean
 * and over HTTP.
 *
 * @author Imgwire
 */
@SampleAppAotTest
class SampleAppAotTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireImagesClient images;

	@Autowired
	private ImgwireEmulator emulator;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void theContextIsTheAotGeneratedOne() {
		// Without these, the tests below would pass just as well in a regular context.
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isTrue();
		assertThat(new AotTestContextInitializers().isSupportedTestClass(getClass()))
			.as("process-test-aot generated this class's context")
			.isTrue();
	}

	@Test
	void clientUploadsListsAndRetrieves() {
		byte[] png = TestImages.noisePng(40, 30);

		Image uploaded = this.images
			.upload(UploadSource.fromBytes(png),
					UploadOptions.defaults().withFileName("aot.png").withMimeType(SupportedMimeType.PNG))
			.block(TIMEOUT);

		assertThat(uploaded).isNotNull();
		assertThat(uploaded.originalFilename()).isEqualTo("aot.png");
		assertThat(this.emulator.state().storedBytes(uploaded.id())).hasValue(png);
		Page<Image> page = this.images.list(1, 100).block(TIMEOUT);
		assertThat(page).isNotNull();
		assertThat(page.items()).extracting(Image::id).contains(uploaded.id());
		assertThat(page.pagination().totalCount()).isPositive();
		Image retrieved = this.images.retrieve(uploaded.id().toString()).block(TIMEOUT);
		assertThat(retrieved).isNotNull();
		assertThat(retrieved.status()).isNotNull();
		assertThat(retrieved.mimeType()).isEqualTo(SupportedMimeType.PNG);
	}

	@Test
	void anUnknownImageFailsWithTheTypedNotFoundException() {
		Throwable failure = catchThrowable(() -> this.images.retrieve(UUID.randomUUID().toString()).block(TIMEOUT));

		assertThat(failure).isInstanceOf(ImgwireNotFoundException.class);
		assertThat(((ImgwireNotFoundException) failure).getStatusCode()).isEqualTo(404);
	}

	@Test
	void theAppUploadsAndListsOverHttp() {
		SampleAppClient user = new SampleAppClient(this.port).login("demo", SampleAppAotTest.PASSWORD);

		HttpResponse<String> upload = user.postFile("/api/images/upload", "posted.png", "image/png",
				TestImages.noisePng(20, 10));
		HttpResponse<String> list = user.get("/api/images?page=1&limit=100");
		HttpResponse<String> token = user.postJson("/api/upload-tokens", "");

		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
		String id = SampleAppClient.json(upload).path("id").asString();
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		JsonNode items = SampleAppClient.json(list).path("items");
		assertThat(items.findValuesAsString("id")).contains(id);
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(user.delete("/api/images/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

	@Test
	void actuatorMetricsShowTheClientsRequests() throws Exception {
		this.images.list(1, 10).block(TIMEOUT);

		HttpResponse<String> metric = get("/actuator/metrics/imgwire.client.requests");
		HttpResponse<String> prometheus = get("/actuator/prometheus");

		assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
		assertThat(SampleAppClient.json(metric).path("name").asString()).isEqualTo("imgwire.client.requests");
		assertThat(SampleAppClient.json(metric).path("measurements").get(0).path("value").asDouble()).isPositive();
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("imgwire_client_requests");
	}

	private HttpResponse<String> get(String path) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString(("demo:" + SampleAppAotTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(TIMEOUT)
			.header("Authorization", "Basic " + credentials)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
