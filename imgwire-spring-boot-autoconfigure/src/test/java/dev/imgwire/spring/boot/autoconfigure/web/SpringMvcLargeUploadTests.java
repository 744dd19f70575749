package dev.imgwire.spring.boot.autoconfigure.web;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.ImgwireEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 300 MiB multipart upload through a Spring MVC controller on Tomcat, passed on with
 * {@link UploadSource#fromMultipartFile}. Run by the {@code bounded-memory} Surefire
 * execution in its own JVM limited to 128 MiB, which also hosts the emulator.
 */
@Tag("bounded-memory")
class SpringMvcLargeUploadTests {

	@TempDir
	static Path directory;

	static ImgwireEmulator emulator;

	static ConfigurableApplicationContext application;

	@BeforeAll
	static void start() {
		emulator = ImgwireEmulator.builder().storageDirectory(directory.resolve("emulator")).start();
		application = new SpringApplicationBuilder(MvcApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "imgwire.base-url=" + emulator.baseUrl(),
					"imgwire.server-key=" + emulator.serverKey(),
					"imgwire.upload.spool.directory=" + directory.resolve("spool"),
					"spring.servlet.multipart.max-file-size=-1", "spring.servlet.multipart.max-request-size=-1",
					"spring.servlet.multipart.location=" + directory.resolve("tomcat"), "spring.main.banner-mode=off")
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
	void aMultipartFileLargerThanTheHeapIsStoredByteForByteWithoutSpooling() throws Exception {
		LargeMultipartUpload upload = new LargeMultipartUpload();
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();

		String id = upload.post("http://127.0.0.1:" + port + "/upload");

		System.out.println(upload.report("Spring MVC MultipartFile"));
		upload.assertStoredByteForByte(emulator, id, directory.resolve("spool"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(UploadController.class)
	static class MvcApplication {

	}

	@RestController
	static class UploadController {

		private final ImgwireImagesClient images;

		UploadController(ImgwireImagesClient images) {
			this.images = images;
		}

		@PostMapping("/upload")
		String upload(@RequestParam("file") MultipartFile file) {
			Image image = this.images.upload(UploadSource.fromMultipartFile(file), UploadOptions.defaults())
				.block(LargeMultipartUpload.TIMEOUT);
			return image.id().toString();
		}

	}

}
