package dev.imgwire.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk download jobs and their zip archives.
 */
class DownloadJobTests {

	private static final String UNKNOWN_ID = "2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f";

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@Test
	void jobIsCreatedPendingAndBecomesReadyWithAZipOfTheOriginals() throws IOException {
		byte[] first = SampleImages.png(3, 3);
		byte[] second = SampleImages.png(4, 4);
		String firstId = this.running.http().upload("photo.png", "image/png", first);
		String secondId = this.running.http().upload("photo.png", "image/png", second);
		HttpResponse<String> created = createJob("[\"" + firstId + "\",\"" + secondId + "\"]");
		assertThat(created.statusCode()).isEqualTo(200);
		JsonNode job = TestHttp.json(created);
		assertThat(job.propertyNames()).containsExactly("id", "environment_id", "status", "image_ids", "download_url",
				"created_at", "updated_at");
		assertThat(job.get("status").stringValue()).isEqualTo("PENDING");
		assertThat(job.get("download_url").isNull()).isTrue();
		assertThat(job.get("image_ids").toString()).isEqualTo("[\"" + firstId + "\",\"" + secondId + "\"]");
		JsonNode ready = retrieveJob(job.get("id").stringValue());
		assertThat(ready.get("status").stringValue()).isEqualTo("READY");
		String downloadUrl = ready.get("download_url").stringValue();
		assertThat(downloadUrl).isEqualTo(this.running.emulator().baseUrl() + "/downloads/" + job.get("id").stringValue() + ".zip");
		HttpResponse<byte[]> archive = this.running.http().getBytes(downloadUrl);
		assertThat(archive.statusCode()).isEqualTo(200);
		assertThat(archive.headers().firstValue("Content-Type")).hasValue("application/zip");
		Map<String, byte[]> entries = unzip(archive.body());
		assertThat(entries.keySet()).containsExactly("photo.png", "photo (1).png");
		assertThat(entries.get("photo.png")).isEqualTo(first);
		assertThat(entries.get("photo (1).png")).isEqualTo(second);
	}

	@Test
	void jobWithAnUnknownImageFails() {
		String id = this.running.http().upload("a.png", "image/png", SampleImages.png(2, 2));
		JsonNode job = TestHttp.json(createJob("[\"" + id + "\",\"" + UNKNOWN_ID + "\"]"));
		JsonNode failed = retrieveJob(job.get("id").stringValue());
		assertThat(failed.get("status").stringValue()).isEqualTo("FAILED");
		assertThat(failed.get("download_url").isNull()).isTrue();
		assertThat(this.running.http().getBytes(this.running.emulator().baseUrl() + "/downloads/" + job.get("id").stringValue() + ".zip")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void jobWithAnImageThatWasNeverUploadedFails() {
		String pending = this.running.http().createUpload("{\"file_name\":\"a.png\"}").get("image").get("id").stringValue();
		JsonNode job = TestHttp.json(createJob("[\"" + pending + "\"]"));
		assertThat(retrieveJob(job.get("id").stringValue()).get("status").stringValue()).isEqualTo("FAILED");
	}

	@Test
	void jobStaysPendingDuringTheProcessingDelay() {
		try (ImgwireEmulator slow = ImgwireEmulator.builder().processingDelay(Duration.ofMinutes(10)).start()) {
			TestHttp slowHttp = new TestHttp(slow);
			String id = slowHttp.upload("a.png", "image/png", SampleImages.png(2, 2));
			JsonNode job = TestHttp.json(slowHttp.postJson("/api/v1/images/downloads", slow.serverKey(),
					"{\"image_ids\":[\"" + id + "\"]}"));
			JsonNode current = TestHttp
				.json(slowHttp.get("/api/v1/images/downloads/" + job.get("id").stringValue(), slow.serverKey()));
			assertThat(current.get("status").stringValue()).isEqualTo("PENDING");
			assertThat(slow.state().downloadJobs().get(0).status()).isEqualTo("PENDING");
		}
	}

	@Test
	void unknownJobIsNotFound() {
		HttpResponse<String> response = this.running.http().get("/api/v1/images/downloads/" + UNKNOWN_ID,
				this.running.emulator().serverKey());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("ResourceNotFoundError");
	}

	@Test
	void inspectionListsJobsWithTheirImages() {
		String id = this.running.http().upload("a.png", "image/png", SampleImages.png(2, 2));
		createJob("[\"" + id + "\"]");
		assertThat(this.running.emulator().state().downloadJobs()).singleElement().satisfies((job) -> {
			assertThat(job.status()).isEqualTo("READY");
			assertThat(job.imageIds()).extracting(Object::toString).containsExactly(id);
		});
	}

	private HttpResponse<String> createJob(String ids) {
		return this.running.http().postJson("/api/v1/images/downloads", this.running.emulator().serverKey(), "{\"image_ids\":" + ids + "}");
	}

	private JsonNode retrieveJob(String jobId) {
		HttpResponse<String> response = this.running.http().get("/api/v1/images/downloads/" + jobId, this.running.emulator().serverKey());
		assertThat(response.statusCode()).isEqualTo(200);
		return TestHttp.json(response);
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
