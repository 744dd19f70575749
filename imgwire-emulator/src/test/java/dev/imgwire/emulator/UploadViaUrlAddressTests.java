package dev.imgwire.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code upload_via_url} fetches from public addresses only, as the real Imgwire does:
 * with the default settings every loopback, private, link-local, unspecified and
 * multicast target is refused before a connection is attempted, with one sentence that
 * does not tell an open port from a closed one.
 */
@Timeout(60)
class UploadViaUrlAddressTests {

	private final AtomicInteger originRequests = new AtomicInteger();

	private HttpServer origin;

	private int closedPort;

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@BeforeEach
	void start() throws IOException {
		this.origin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.origin.createContext("/", (exchange) -> {
			this.originRequests.incrementAndGet();
			byte[] png = SampleImages.png(2, 2);
			exchange.getResponseHeaders().set("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, png.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(png);
			}
		});
		this.origin.start();
		try (ServerSocket socket = new ServerSocket(0)) {
			this.closedPort = socket.getLocalPort();
		}
	}

	@AfterEach
	void stop() {
		this.origin.stop(0);
	}

	@Test
	void nonPublicTargetsAreRefusedAlikeWithoutBeingContacted() {
		int open = this.origin.getAddress().getPort();
		List<String> urls = List.of("http://127.0.0.1:" + open + "/a.png",
				"http://127.0.0.1:" + this.closedPort + "/a.png", "http://localhost:" + open + "/a.png",
				"http://[::1]:" + open + "/a.png", "http://[::ffff:127.0.0.1]:" + open + "/a.png",
				"http://0.0.0.0:" + open + "/a.png", "http://[::]:" + open + "/a.png", "http://10.1.2.3/a.png",
				"http://172.16.0.1/a.png", "http://192.168.0.1/a.png", "http://169.254.169.254/latest/meta-data/",
				"http://[fe80::1]/a.png", "http://[fc00::1]/a.png", "http://224.0.0.1/a.png",
				"http://255.255.255.255/a.png", "https://127.0.0.1:" + open + "/a.png");
		List<String> details = new ArrayList<>();
		for (String url : urls) {
			HttpResponse<String> response = uploadViaUrl(url);
			assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(400);
			JsonNode error = TestHttp.json(response);
			assertThat(error.get("error_type").stringValue()).as(url).isEqualTo("UrlFetchError");
			details.add(error.get("detail").stringValue().replace(url, "<url>"));
		}
		assertThat(details).as("one sentence for every target")
			.containsOnly("Could not fetch <url>: only public addresses can be fetched");
		assertThat(this.originRequests).as("nothing was fetched").hasValue(0);
		assertThat(this.running.emulator().state().images()).isEmpty();
	}

	@Test
	void loopbackIsAllowedOnlyWhenAskedForAndPrivateRangesStayRefused() {
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().allowLoopbackUrls(true).start()) {
			TestHttp http = new TestHttp(emulator);
			String own = "http://127.0.0.1:" + this.origin.getAddress().getPort() + "/a.png";
			assertThat(post(http, emulator, own).statusCode()).isEqualTo(200);
			HttpResponse<String> refused = post(http, emulator, "http://192.168.0.1/a.png");
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(TestHttp.json(refused).get("detail").stringValue())
				.endsWith("only public addresses can be fetched");
		}
		assertThat(this.originRequests).hasValue(1);
	}

	@Test
	void anImagesOwnCdnUrlNeedsTheLoopbackOptIn() {
		String id = this.running.http().upload("a.png", "image/png", SampleImages.png(3, 3));
		String cdnUrl = this.running.http().retrieve(id).get("cdn_url").stringValue();
		assertThat(uploadViaUrl(cdnUrl).statusCode()).isEqualTo(400);
		try (ImgwireEmulator emulator = ImgwireEmulator.builder().allowLoopbackUrls(true).start()) {
			TestHttp http = new TestHttp(emulator);
			String ownId = http.upload("a.png", "image/png", SampleImages.png(3, 3));
			String ownCdnUrl = http.retrieve(ownId).get("cdn_url").stringValue();
			HttpResponse<String> copy = post(http, emulator, ownCdnUrl);
			assertThat(copy.statusCode()).as(copy.body()).isEqualTo(200);
		}
	}

	private HttpResponse<String> uploadViaUrl(String url) {
		return post(this.running.http(), this.running.emulator(), url);
	}

	private static HttpResponse<String> post(TestHttp http, ImgwireEmulator emulator, String url) {
		return http.postJson("/api/v1/images/upload_via_url", emulator.serverKey(), "{\"url\":\"" + url + "\"}");
	}

}
