package dev.imgwire.spring.boot.autoconfigure.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireUploadException;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.SampleImages;
import dev.imgwire.spring.boot.autoconfigure.ImgwireEmulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser that goes away in the middle of its upload, while the application passes the
 * request body on to Imgwire as it arrives.
 */
class ClientDisconnectTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final int DECLARED_LENGTH = 1_000_000;

	private static final int SENT_LENGTH = 200_000;

	@RegisterExtension
	static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();

	static final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

	@TempDir
	Path spool;

	ConfigurableApplicationContext application;

	@AfterEach
	void stop() {
		if (this.application != null) {
			this.application.close();
		}
		failures.clear();
	}

	ConfigurableApplicationContext start(Class<?> type, WebApplicationType web) {
		this.application = new SpringApplicationBuilder(type).web(web)
			.properties("server.port=0", "server.address=127.0.0.1", "imgwire.base-url=" + emulator.baseUrl(),
					"imgwire.server-key=" + emulator.serverKey(), "imgwire.upload.spool.directory=" + this.spool,
					"spring.main.banner-mode=off")
			.run();
		return this.application;
	}

	/**
	 * Send the headers of a PNG body of {@value #DECLARED_LENGTH} bytes, then only the
	 * first {@value #SENT_LENGTH}, then close the connection.
	 */
	static void uploadAndGoAway(ConfigurableApplicationContext application) throws IOException {
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		byte[] body = new byte[SENT_LENGTH];
		byte[] png = SampleImages.png(4, 3);
		System.arraycopy(png, 0, body, 0, png.length);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\nContent-Length: "
					+ DECLARED_LENGTH + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			// Wait until the application has passed some of it on, then leave.
			awaitPut();
		}
	}

	static void awaitPut() {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline && emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT) == 0
				&& failures.isEmpty()) {
			sleep();
		}
	}

	static void sleep() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	static Throwable awaitFailure() throws InterruptedException {
		Throwable failure = failures.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(failure).as("the upload's failure").isNotNull();
		return failure;
	}

	@Nested
	class SpringMvcStreamOfKnownLength {

		@BeforeEach
		void start() {
			ClientDisconnectTests.this.start(MvcApplication.class, WebApplicationType.SERVLET);
		}

		@Test
		void theUploadFailsNamingTheImageItCreatedSoThatItCanBeDeleted() throws Exception {
			uploadAndGoAway(ClientDisconnectTests.this.application);

			Throwable failure = awaitFailure();

			assertThat(failure).isInstanceOf(ImgwireUploadException.class);
			assertThat(emulator.state().images()).hasSize(1);
			String created = emulator.state().images().get(0).id().toString();
			assertThat(((ImgwireException) failure).getImageId()).isEqualTo(created);
			assertThat(emulator.state().storedSize(emulator.state().images().get(0).id())).isEqualTo(-1);
			ClientDisconnectTests.this.application.getBean(ImgwireImagesClient.class).delete(created).block(TIMEOUT);
			assertThat(emulator.state().images()).isEmpty();
			LargeMultipartUpload.assertEmpty(ClientDisconnectTests.this.spool);
		}

	}

	@Nested
	class WebFluxBodyOfUnknownLength {

		@BeforeEach
		void start() {
			ClientDisconnectTests.this.start(WebFluxApplication.class, WebApplicationType.REACTIVE);
		}

		@Test
		void theSpoolingFailsBeforeAnyImageIsCreatedAndLeavesNoSpoolFile() throws Exception {
			uploadAndGoAway(ClientDisconnectTests.this.application);

			Throwable failure = awaitFailure();

			assertThat(failure).isInstanceOf(ImgwireUploadException.class).hasMessageContaining("could not be read");
			assertThat(((ImgwireException) failure).getImageId()).isNull();
			assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isZero();
			LargeMultipartUpload.assertEmpty(ClientDisconnectTests.this.spool);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(MvcUploadController.class)
	static class MvcApplication {

	}

	@RestController
	static class MvcUploadController {

		private final ImgwireImagesClient images;

		MvcUploadController(ImgwireImagesClient images) {
			this.images = images;
		}

		@PostMapping("/upload")
		String upload(HttpServletRequest request) throws IOException {
			InputStream body = request.getInputStream();
			try {
				return this.images
					.upload(UploadSource.fromInputStream(body, request.getContentLengthLong()),
							UploadOptions.defaults())
					.block(TIMEOUT)
					.id()
					.toString();
			}
			catch (RuntimeException ex) {
				failures.add(ex);
				throw ex;
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(WebFluxUploadController.class)
	static class WebFluxApplication {

		// Tomcat is on the class path too, for Spring MVC.
		@Bean
		NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
			return new NettyReactiveWebServerFactory();
		}

	}

	@RestController
	static class WebFluxUploadController {

		private final ImgwireImagesClient images;

		WebFluxUploadController(ImgwireImagesClient images) {
			this.images = images;
		}

		@PostMapping("/upload")
		Mono<String> upload(ServerHttpRequest request) {
			return this.images.upload(UploadSource.fromDataBuffers(request.getBody()), UploadOptions.defaults())
				.map((image) -> image.id().toString())
				.doOnError(failures::add);
		}

	}

}
