package dev.imgwire.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.support.SampleAppClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health is public; the readiness probe leaves the Imgwire indicator out; metrics and
 * Prometheus need a login, and show the client's {@code imgwire.client.requests} once the
 * server has called Imgwire.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=actuator-test-password",
				// Failures below are injected once each; retries would hide them.
				"imgwire.retry.enabled=false" })
class ActuatorEndpointsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthIsPublicAndUp() throws Exception {
		HttpResponse<String> response = get("/actuator/health", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SampleAppClient.json(response).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void healthShowsTheImgwireIndicatorToALoggedInUser() throws Exception {
		HttpResponse<String> response = get("/actuator/health", "actuator-test-password");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(SampleAppClient.json(response).path("components").path("imgwire").path("status").asString())
			.isEqualTo("UP");
	}

	@Test
	void readinessLeavesImgwireOutSoItStaysUpWhileImgwireIsDown() throws Exception {
		this.emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(500);
		HttpResponse<String> health = get("/actuator/health", "actuator-test-password");
		HttpResponse<String> readiness = get("/actuator/health/readiness", null);

		assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
		assertThat(SampleAppClient.json(health).path("components").path("imgwire").path("status").asString())
			.isEqualTo("DOWN");
		assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
		assertThat(SampleAppClient.json(readiness).path("status").asString()).isEqualTo("UP");
	}

	@Test
	void metricsAndPrometheusRefuseAnonymousCallers() throws Exception {
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
	}

	@Test
	void imgwireClientRequestsAppearInMetricsAndPrometheusAfterAServerSideCall() throws Exception {
		SampleAppClient user = new SampleAppClient(this.port).login("demo", "actuator-test-password");
		assertThat(user.postJson("/api/upload-tokens", "").statusCode()).isEqualTo(200);

		HttpResponse<String> metric = get("/actuator/metrics/imgwire.client.requests", "actuator-test-password");
		HttpResponse<String> prometheus = get("/actuator/prometheus", "actuator-test-password");

		assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
		assertThat(SampleAppClient.json(metric).path("name").asString()).isEqualTo("imgwire.client.requests");
		assertThat(prometheus.statusCode()).isEqualTo(200);
		assertThat(prometheus.body()).contains("imgwire_client_requests");
	}

	private HttpResponse<String> get(String path, String password) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (password != null) {
			String credentials = Base64.getEncoder()
				.encodeToString(("demo:" + password).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + credentials);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
