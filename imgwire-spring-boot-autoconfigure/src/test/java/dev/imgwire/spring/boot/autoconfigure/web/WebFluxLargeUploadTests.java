package dev.imgwire.spring.boot.autoconfigure.web;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.ImgwireEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 300 MiB multipart upload through a WebFlux controller on Reactor Netty, passed on
 * with {@link UploadSource#fromFilePart}, which spools it. Run by the
 * {@code bounded-memory} Surefire execution in its own JVM limited to 128 MiB, which also
 * hosts the emulator.
 */
@Tag("bounded-memory")
class WebFluxLargeUploadTests {

	@TempDir
	static Path directory;

	static ImgwireEmulator emulator;

	static ConfigurableApplicationContext application;

	@BeforeAll
	static void start() {
		emulator = ImgwireEmulator.builder().storageDirectory(directory.resolve("emulator")).start();
		application = new SpringApplicationBuilder(WebFluxApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "server.address=127.0.0.1", "imgwire.base-url=" + emulator.baseUrl(),
					"imgwire.server-key=" + emulator.serverKey(),
					"imgwire.upload.spool.directory=" + directory.resolve("spool"),
					"spring.webflux.multipart.file-storage-directory=" + directory.resolve("parts"),
					"spring.main.banner-mode=off")
			.run();
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
		if (emulator != null) {
			emulator.close();
		}
	}

	@Test
	void theHeapIsReallySmallerThanTheUpload() {
		assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(128L * 1024 * 1024)
			.isLessThan(LargeMultipartUpload.SIZE);
	}

	@Test
	void aFilePartLargerThanTheHeapIsSpooledStoredByteForByteAndItsSpoolFileDeleted() throws Exception {
		LargeMultipartUpload upload = new LargeMultipartUpload();
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();

		String id = upload.post("http://127.0.0.1:" + port + "/upload");

		System.out.println(upload.report("WebFlux FilePart"));
		upload.assertStoredByteForByte(emulator, id, directory.resolve("spool"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(UploadController.class)
	static class WebFluxApplication {

		// Tomcat is on the class path too, for the Spring MVC test.
		@Bean
		NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
			return new NettyReactiveWebServerFactory();
		}

	}

	@RestController
	static class UploadController {

		private final ImgwireImagesClient images;

		UploadController(ImgwireImagesClient images) {
			this.images = images;
		}

		@PostMapping("/upload")
		Mono<String> upload(@RequestPart("file") Mono<FilePart> file) {
			return file.flatMap((part) -> this.images.upload(UploadSource.fromFilePart(part), UploadOptions.defaults()))
				.map((Image image) -> image.id().toString());
		}

	}

}
