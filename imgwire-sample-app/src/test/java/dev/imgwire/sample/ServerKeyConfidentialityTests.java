package dev.imgwire.sample;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.support.SampleAppClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Server Key stays on the server: it is in no page, script, API answer or log line,
 * from startup on. The Client Key, which the browser needs, is only handed out to a
 * logged-in user with an upload token.
 *
 * @author Imgwire
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"sample.security.password=confidentiality-test-password", "sample.emulator.processing-delay=20ms" })
class ServerKeyConfidentialityTests {

	// Each answers 200 to anyone.
	private static final List<String> PUBLIC_PATHS = List.of("/login", "/css/samples.css", "/css/app.css",
			"/js/login.js", "/js/csrf.js", "/actuator/health", "/actuator/health/readiness");

	// Each answers 200 to a logged-in user (the metric once the server has called
	// Imgwire).
	private static final List<String> PRIVATE_PATHS = List.of("/", "/index.html", "/js/app.js", "/js/api.js",
			"/js/upload.js", "/js/gallery.js", "/api/images", "/actuator/info", "/actuator/metrics",
			"/actuator/metrics/imgwire.client.requests", "/actuator/prometheus");

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@Test
	void serverKeyAppearsInNoPageScriptApiAnswerOrLogLine(CapturedOutput output) {
		String serverKey = this.emulator.serverKey();
		List<HttpResponse<String>> responses = new ArrayList<>();
		SampleAppClient anonymous = new SampleAppClient(this.port);
		List<HttpResponse<String>> publicAnswers = PUBLIC_PATHS.stream().map(anonymous::get).toList();
		responses.addAll(publicAnswers);
		responses.add(anonymous.postJson("/api/upload-tokens", ""));
		SampleAppClient user = new SampleAppClient(this.port).login("demo", "confidentiality-test-password");
		responses.add(user.postJson("/api/upload-tokens", ""));
		List<HttpResponse<String>> privateAnswers = PRIVATE_PATHS.stream().map(user::get).toList();
		responses.addAll(privateAnswers);
		responses.add(user.postJson("/api/images/import", "{\"url\":\"not a url\"}"));
		responses.add(user.delete("/api/images/not-a-uuid"));

		// An empty 401 or 302 would contain no key either: the pages must really answer.
		assertThat(publicAnswers)
			.allSatisfy((response) -> assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200));
		assertThat(privateAnswers)
			.allSatisfy((response) -> assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200));
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.body()).as(response.uri().toString()).doesNotContain(serverKey);
			assertThat(response.headers().map().toString()).as(response.uri().toString()).doesNotContain(serverKey);
		});
		assertThat(output.getAll()).doesNotContain(serverKey);
	}

	@Test
	void clientKeyIsInNoPageOrScriptOnlyInTheUploadTokenAnswer() {
		String clientKey = this.emulator.clientKey();
		SampleAppClient user = new SampleAppClient(this.port).login("demo", "confidentiality-test-password");

		assertThat(PUBLIC_PATHS).allSatisfy(
				(path) -> assertThat(new SampleAppClient(this.port).get(path).body()).doesNotContain(clientKey));
		assertThat(List.of("/", "/js/app.js", "/js/upload.js", "/api/images"))
			.allSatisfy((path) -> assertThat(user.get(path).body()).doesNotContain(clientKey));
		assertThat(user.postJson("/api/upload-tokens", "").body()).contains(clientKey);
	}

	@Test
	void startupLogsOneLineAboutTheEmbeddedEmulatorWithItsUrl(CapturedOutput output) {
		List<String> lines = output.getAll()
			.lines()
			.filter((line) -> line.contains("embedded Imgwire emulator"))
			.toList();

		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).contains(this.emulator.baseUrl())
			.doesNotContain(this.emulator.serverKey())
			.doesNotContain(this.emulator.clientKey());
	}

}
