package dev.imgwire.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.imgwire.emulator.state.UsageTotals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Starting, inspecting, resetting and closing emulators.
 */
class EmulatorLifecycleTests {

	@Test
	void startBindsToLoopbackOnAFreePortWithGeneratedKeys() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			assertThat(emulator.port()).isPositive();
			assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
			assertThat(emulator.serverKey()).startsWith("sk_test_");
			assertThat(emulator.clientKey()).startsWith("ck_test_");
			try (ImgwireEmulator other = ImgwireEmulator.start()) {
				assertThat(other.serverKey()).isNotEqualTo(emulator.serverKey());
				assertThat(other.port()).isNotEqualTo(emulator.port());
			}
		}
	}

	@Test
	void builderAppliesGivenPortAndKeys() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (ImgwireEmulator emulator = ImgwireEmulator.builder()
			.port(port)
			.serverKey("sk_test_fixed")
			.clientKey("ck_test_fixed")
			.start()) {
			assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
			TestHttp http = new TestHttp(emulator);
			assertThat(http.get("/api/v1/images/", "sk_test_fixed").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void builderRejectsUnusableSettings() {
		assertThatIllegalArgumentException().isThrownBy(() -> ImgwireEmulator.builder().port(70000));
		assertThatIllegalArgumentException().isThrownBy(() -> ImgwireEmulator.builder().serverKey(" "));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImgwireEmulator.builder().processingDelay(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> ImgwireEmulator.builder().maxUploadBytes(0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ImgwireEmulator.builder().serverKey("same").clientKey("same").start());
	}

	@Test
	void builderClockStampsRecordsAndEnvironmentIdIsTheirs() {
		MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:15:30.123Z"));
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().clock(clock).start()) {
			JsonNode image = new TestHttp(emulator).createUpload("{\"file_name\":\"a.png\"}").get("image");
			assertThat(image.get("created_at").stringValue()).isEqualTo("2026-05-04T10:15:30.123Z");
			assertThat(image.get("environment_id").stringValue()).isEqualTo(emulator.environmentId().toString());
			assertThat(image.get("cdn_url").stringValue()).contains("/" + emulator.environmentId() + "/");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> ImgwireEmulator.builder().clock(null));
	}

	@Test
	void toStringShowsTheBaseUrlButNoKeys() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			assertThat(emulator.toString()).contains(emulator.baseUrl())
				.doesNotContain(emulator.serverKey())
				.doesNotContain(emulator.clientKey());
		}
	}

	@Test
	void requestCountsIncludeRejectedAndFaultedRequests() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			TestHttp http = new TestHttp(emulator);
			http.get("/api/v1/images/", emulator.serverKey());
			http.get("/api/v1/images/", "sk_test_wrong");
			emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(500);
			http.get("/api/v1/images/", emulator.serverKey());
			http.get("/api/v1/unknown", emulator.serverKey());
			assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(3);
			assertThat(emulator.state().requestCount(EmulatorOperation.RETRIEVE)).isZero();
			assertThat(emulator.state().totalRequests()).as("unrouted requests are not operations").isEqualTo(3);
		}
	}

	@Test
	void inspectionSeesImagesWithoutHttp() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			TestHttp http = new TestHttp(emulator);
			String id = http
				.createUpload("{\"file_name\":\"a.png\",\"purpose\":\"avatar\",\"custom_metadata\":{\"n\":7}}")
				.get("image")
				.get("id")
				.stringValue();
			assertThat(emulator.state().image(UUID.fromString(id))).hasValueSatisfying((image) -> {
				assertThat(image.status()).isEqualTo("PENDING");
				assertThat(image.mimeType()).isEqualTo("image/png");
				assertThat(image.purpose()).isEqualTo("avatar");
				assertThat(image.customMetadata()).containsEntry("n", 7L);
				assertThat(image.width()).isNull();
			});
			assertThat(emulator.state().storedBytes(UUID.fromString(id))).isEmpty();
			assertThat(emulator.state().storedSize(UUID.fromString(id))).isEqualTo(-1);
			assertThat(emulator.state().image(UUID.randomUUID())).isEmpty();
		}
	}

	@Test
	void resetForgetsImagesTokensJobsFaultsCountersAndBytes() {
		try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
			TestHttp http = new TestHttp(emulator);
			String id = http.upload("a.png", "image/png", SampleImages.png(2, 2));
			http.send(http.request("/api/v1/images/token", emulator.serverKey())
				.POST(HttpRequest.BodyPublishers.noBody()));
			http.postJson("/api/v1/images/downloads", emulator.serverKey(), "{\"image_ids\":[\"" + id + "\"]}");
			emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
			emulator.faults().next(EmulatorOperation.RETRIEVE, 1).respondWith(503);
			assertThat(http.get("/api/v1/images/" + id, emulator.serverKey()).statusCode()).isEqualTo(503);
			emulator.reset();
			assertThat(emulator.state().images()).isEmpty();
			assertThat(emulator.state().uploadTokens()).isEmpty();
			assertThat(emulator.state().downloadJobs()).isEmpty();
			assertThat(emulator.state().storedSize(UUID.fromString(id))).isEqualTo(-1);
			assertThat(emulator.state().totalRequests()).isZero();
			assertThat(emulator.state().usage()).isEqualTo(UsageTotals.NONE);
			assertThat(emulator.faults().injectedTotal()).isZero();
			assertThat(http.get("/api/v1/images/", emulator.serverKey()).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void closeStopsTheServerAndDeletesOnlyItsOwnStorage(@TempDir Path parent) throws IOException {
		Path marker = Files.writeString(parent.resolve("keep.txt"), "mine");
		ImgwireEmulator emulator = ImgwireEmulator.builder().storageDirectory(parent).start();
		TestHttp http = new TestHttp(emulator);
		http.upload("a.png", "image/png", SampleImages.png(2, 2));
		try (var children = Files.list(parent)) {
			assertThat(children.count()).isEqualTo(2);
		}
		emulator.close();
		emulator.close();
		try (var children = Files.list(parent)) {
			assertThat(children.toList()).containsExactly(marker);
		}
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> http.get("/api/v1/images/", emulator.serverKey()));
	}

	@Test
	void manyEmulatorsCanStartAndCloseInOneJvm() {
		for (int i = 0; i < 20; i++) {
			try (ImgwireEmulator emulator = ImgwireEmulator.start()) {
				assertThat(new TestHttp(emulator).get("/api/v1/images/", emulator.serverKey()).statusCode())
					.isEqualTo(200);
			}
		}
		Await.until("emulator threads are gone",
				() -> Thread.getAllStackTraces()
					.keySet()
					.stream()
					.filter(Thread::isAlive)
					.noneMatch((thread) -> thread.getName().startsWith("imgwire-emulator")));
	}

}
