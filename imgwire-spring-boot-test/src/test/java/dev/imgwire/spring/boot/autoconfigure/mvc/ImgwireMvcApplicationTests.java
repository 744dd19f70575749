package dev.imgwire.spring.boot.autoconfigure.mvc;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

import dev.imgwire.client.ImgwireClient;
import dev.imgwire.client.ImgwireImagesTemplate;
import dev.imgwire.client.ImgwireTemplate;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.SampleImages;
import dev.imgwire.spring.boot.test.autoconfigure.AutoConfigureImgwireEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC application on Tomcat with the starter's dependencies stays a servlet
 * application, gets an {@link ImgwireTemplate}, and a controller that uses it stores and
 * lists images over real HTTP, on both sides.
 *
 * @author Imgwire
 */
@SpringBootTest(classes = ImgwireMvcApplicationTests.MvcApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureImgwireEmulator
@Timeout(60)
class ImgwireMvcApplicationTests {

	private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ImgwireTemplate template;

	@Autowired
	private ImgwireEmulator emulator;

	@LocalServerPort
	private int port;

	@BeforeEach
	void resetEmulator() {
		this.emulator.reset();
	}

	private RestClient http() {
		SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
		requestFactory.setConnectTimeout(HTTP_TIMEOUT);
		requestFactory.setReadTimeout(HTTP_TIMEOUT);
		return RestClient.builder().baseUrl("http://127.0.0.1:" + this.port).requestFactory(requestFactory).build();
	}

	private Map<String, String> store(String fileName, byte[] bytes) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", bytes, MediaType.IMAGE_PNG).filename(fileName);
		return http().post()
			.uri("/images")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body.build())
			.retrieve()
			.body(new ParameterizedTypeReference<Map<String, String>>() {
			});
	}

	@Nested
	class ApplicationType {

		@Test
		void theApplicationIsAServletWebApplicationOnTomcat() {
			assertThat(WebApplicationType.deduce()).isEqualTo(WebApplicationType.SERVLET);
			assertThat(ImgwireMvcApplicationTests.this.context).isInstanceOf(ServletWebServerApplicationContext.class);
			assertThat(((ServletWebServerApplicationContext) ImgwireMvcApplicationTests.this.context).getWebServer()
				.getClass()
				.getSimpleName()).isEqualTo("TomcatWebServer");
		}

		@Test
		void theTemplateIsInjectedOverTheAutoConfiguredClient() {
			assertThat(ImgwireMvcApplicationTests.this.template.reactive())
				.isSameAs(ImgwireMvcApplicationTests.this.context.getBean(ImgwireClient.class));
		}

	}

	@Nested
	class Controller {

		@Test
		void aControllerStoresAnUploadedFileThroughTheTemplateOnATomcatThread() {
			byte[] png = SampleImages.png(4, 3);

			Map<String, String> stored = store("cat.png", png);

			assertThat(stored).containsEntry("fileName", "cat.png").containsKey("id");
			assertThat(stored.get("thread")).startsWith("http-nio-");
			ImgwireEmulator emulator = ImgwireMvcApplicationTests.this.emulator;
			assertThat(emulator.state().images()).singleElement()
				.satisfies((image) -> assertThat(image.id().toString()).isEqualTo(stored.get("id")));
			assertThat(emulator.state().storedSize(UUID.fromString(stored.get("id")))).isEqualTo(png.length);
			assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isEqualTo(1);
			assertThat(emulator.state().requestCount(EmulatorOperation.PRESIGNED_PUT)).isEqualTo(1);
		}

		@Test
		void aControllerListsTheStoredImagesThroughTheTemplate() {
			store("a.png", SampleImages.png(1, 1));
			store("b.png", SampleImages.png(2, 2));

			List<String> names = http().get()
				.uri("/images")
				.retrieve()
				.body(new ParameterizedTypeReference<List<String>>() {
				});

			assertThat(names).containsExactly("a.png", "b.png");
			assertThat(ImgwireMvcApplicationTests.this.emulator.state().requestCount(EmulatorOperation.LIST))
				.isEqualTo(1);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ImagesController.class)
	static class MvcApplication {

	}

	/**
	 * What a Spring MVC application writes: the template, injected, used in a few lines.
	 */
	@RestController
	static class ImagesController {

		private final ImgwireImagesTemplate images;

		ImagesController(ImgwireImagesTemplate images) {
			this.images = images;
		}

		@PostMapping("/images")
		Map<String, String> store(@RequestParam MultipartFile file) throws IOException {
			Image image = this.images.upload(UploadSource.fromBytes(file.getBytes()),
					UploadOptions.defaults().withFileName(file.getOriginalFilename()));
			return Map.of("id", image.id().toString(), "fileName", image.originalFilename(), "thread",
					Thread.currentThread().getName());
		}

		@GetMapping("/images")
		List<String> list() {
			try (Stream<Image> all = this.images.listAll(100)) {
				return all.map(Image::originalFilename).toList();
			}
		}

	}

}
