package dev.imgwire.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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
		assertThat(downloadUrl)
			.isEqualTo(this.running.emulator().baseUrl() + "/downloads/" + job.get("id").stringValue() + ".zip");
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
		assertThat(this.running.http()
			.getBytes(this.running.emulator().baseUrl() + "/downloads/" + job.get("id").stringValue() + ".zip")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void longFileNamesAreCutToAValidZipEntryNameKeepingTheExtension(@TempDir Path directory) throws IOException {
		byte[] png = SampleImages.png(2, 2);
		String ascii = "a".repeat(70_000) + ".png";
		String multiByte = "\u00e9".repeat(40_000) + ".png";
		String[] ids = { this.running.http().upload(ascii, "image/png", png),
				this.running.http().upload(multiByte, "image/png", png),
				this.running.http().upload(multiByte, "image/png", png) };
		JsonNode job = TestHttp.json(createJob("[\"" + String.join("\",\"", ids) + "\"]"));
		JsonNode ready = retrieveJob(job.get("id").stringValue());
		assertThat(ready.get("status").stringValue()).isEqualTo("READY");
		Path zip = Files.write(directory.resolve("images.zip"),
				this.running.http().getBytes(ready.get("download_url").stringValue()).body());
		List<String> names = new ArrayList<>();
		try (ZipFile archive = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
			for (ZipEntry entry : Collections.list(archive.entries())) {
				names.add(entry.getName());
				try (InputStream in = archive.getInputStream(entry)) {
					assertThat(in.readAllBytes()).isEqualTo(png);
				}
			}
		}
		assertThat(names).hasSize(3).doesNotHaveDuplicates().allSatisfy((name) -> {
			assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
			assertThat(name).endsWith(".png").doesNotContain("\ufffd");
		});
		assertThat(names.get(0)).startsWith("aaaa");
		assertThat(names.get(1)).startsWith("\u00e9\u00e9");
		assertThat(names.get(2)).endsWith(" (1).png");
	}

	@Test
	void failedJobSaysWhyInAWarningWithoutStackTrace() {
		try (LogCapture logs = LogCapture.start()) {
			JsonNode job = TestHttp.json(createJob("[\"" + UNKNOWN_ID + "\"]"));
			assertThat(retrieveJob(job.get("id").stringValue()).get("status").stringValue()).isEqualTo("FAILED");
			assertThat(logs.records()).filteredOn((record) -> record.getLoggerName().endsWith("DownloadArchiver"))
				.singleElement()
				.satisfies((record) -> {
					assertThat(record.getLevel()).isEqualTo(Level.WARNING);
					assertThat(record.getThrown()).isNull();
					assertThat(record.getMessage()).contains(job.get("id").stringValue()).contains(UNKNOWN_ID);
				});
		}
	}

	@Test
	void jobWithAnImageThatWasNeverUploadedFails() {
		String pending = this.running.http()
			.createUpload("{\"file_name\":\"a.png\"}")
			.get("image")
			.get("id")
			.stringValue();
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
		HttpResponse<String> response = this.running.http()
			.get("/api/v1/images/downloads/" + UNKNOWN_ID, this.running.emulator().serverKey());
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
		return this.running.http()
			.postJson("/api/v1/images/downloads", this.running.emulator().serverKey(), "{\"image_ids\":" + ids + "}");
	}

	private JsonNode retrieveJob(String jobId) {
		HttpResponse<String> response = this.running.http()
			.get("/api/v1/images/downloads/" + jobId, this.running.emulator().serverKey());
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
