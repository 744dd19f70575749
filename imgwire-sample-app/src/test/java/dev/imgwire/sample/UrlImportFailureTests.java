package dev.imgwire.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.imgwire.sample.support.SampleAppClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import by URL that Imgwire could not fetch tells the browser one short, fixed
 * message, whatever was (or was not) listening at that address, so the import cannot be
 * used to probe the network; the details go to the server's log.
 *
 * @author Imgwire
 */
@ExtendWith(OutputCaptureExtension.class)
// The same settings as ImageApiTests, so the two share one application context.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=image-api-test-password", "sample.emulator.processing-delay=50ms",
				"sample.rate-limit.tokens-per-minute=1000", "imgwire.retry.enabled=false" })
class UrlImportFailureTests {

	private static HttpServer unauthorizedServer;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startUnauthorizedServer() throws IOException {
		unauthorizedServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		unauthorizedServer.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"intranet\"");
			exchange.sendResponseHeaders(401, -1);
			exchange.close();
		});
		unauthorizedServer.start();
	}

	@AfterAll
	static void stopUnauthorizedServer() {
		unauthorizedServer.stop(0);
	}

	@Test
	void closedPortAndServerAnswering401GiveTheBrowserTheSameShortMessage() {
		int closedPort = closedLoopbackPort();
		SampleAppClient user = user();

		HttpResponse<String> closed = importUrl(user, "http://127.0.0.1:" + closedPort + "/picture.png");
		HttpResponse<String> unauthorized = importUrl(user,
				"http://127.0.0.1:" + unauthorizedServer.getAddress().getPort() + "/picture.png");

		assertThat(closed.statusCode()).isEqualTo(unauthorized.statusCode()).isEqualTo(502);
		assertThat(closed.body()).isEqualTo(unauthorized.body());
		assertThat(SampleAppClient.json(closed).path("error").asString())
			.isEqualTo("The image could not be fetched from that URL.");
		assertThat(closed.headers().map().keySet()).isEqualTo(unauthorized.headers().map().keySet());
	}

	@Test
	void browserNeverHearsWhetherSomethingAnsweredAtTheAddress() {
		HttpResponse<String> response = importUrl(user(),
				"http://127.0.0.1:" + unauthorizedServer.getAddress().getPort() + "/admin");

		assertThat(response.body()).doesNotContainIgnoringCase("401")
			.doesNotContainIgnoringCase("refused")
			.doesNotContainIgnoringCase("status")
			.doesNotContain(Integer.toString(unauthorizedServer.getAddress().getPort()));
	}

	@Test
	void serverLogsWhyTheImportFailedWithoutTheUrlsCredentialsOrQuery(CapturedOutput output) {
		int closedPort = closedLoopbackPort();

		HttpResponse<String> response = importUrl(user(),
				"http://scott:tiger-secret@127.0.0.1:" + closedPort + "/picture.png?signature=query-secret");

		assertThat(response.statusCode()).isEqualTo(502);
		String logLine = output.getAll()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("could not import an image by URL"))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("No WARN line about the failed import in:\n" + output.getAll()));
		assertThat(logLine).contains("upload_via_url")
			.contains("failed with HTTP")
			.doesNotContain("tiger-secret")
			.doesNotContain("query-secret");
	}

	private SampleAppClient user() {
		return new SampleAppClient(this.port).login("demo", "image-api-test-password");
	}

	private static HttpResponse<String> importUrl(SampleAppClient user, String url) {
		return user.postJson("/api/images/import", "{\"url\":\"" + url + "\"}");
	}

	// A port nothing listens on: bound once, then released.
	private static int closedLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
