package dev.imgwire.samplemvc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import dev.imgwire.client.ImgwireImagesTemplate;
import dev.imgwire.client.ImgwireTemplate;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sample is made of: a servlet application on Tomcat, with virtual threads asked
 * for, whose controllers use the blocking template, on the embedded emulator.
 *
 * @author Imgwire
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ApplicationContextTests.RequestThreadRecorder.class)
class ApplicationContextTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ConfigurableListableBeanFactory beanFactory;

	@Autowired
	private Environment environment;

	@Autowired
	private AtomicReference<Thread> requestThread;

	@LocalServerPort
	private int port;

	@Test
	void isAServletApplicationOnTomcat() {
		assertThat(this.context).isInstanceOf(ServletWebServerApplicationContext.class);
		assertThat(((ServletWebServerApplicationContext) this.context).getWebServer())
			.isInstanceOf(TomcatWebServer.class);
	}

	@Test
	void asksForVirtualThreads() {
		assertThat(this.environment.getProperty("spring.threads.virtual.enabled", Boolean.class)).isTrue();
	}

	// Virtual threads exist from Java 21 on; on 17 Spring Boot ignores the setting.
	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void handlesRequestsOnVirtualThreads() throws Exception {
		HttpResponse<Void> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/login"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.discarding());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.requestThread.get()).isNotNull();
		assertThat(isVirtual(this.requestThread.get())).as("%s is virtual", this.requestThread.get()).isTrue();
	}

	@Test
	void controllersUseTheBlockingTemplate() {
		assertThat(this.context.getBean(ImgwireImagesTemplate.class))
			.isSameAs(this.context.getBean(ImgwireTemplate.class).images());
		for (String controller : new String[] { "galleryController", "uploadController", "deleteController" }) {
			assertThat(this.beanFactory.getDependenciesForBean(controller)).as(controller)
				.contains("imgwireImagesTemplate")
				.doesNotContain("imgwireImagesClient", "imgwireClient");
		}
	}

	@Test
	void talksToTheEmbeddedEmulatorWithoutShowingItsKeys() {
		ImgwireEmulator emulator = this.context.getBean(ImgwireEmulator.class);
		ImgwireConnectionDetails details = this.context.getBean(ImgwireConnectionDetails.class);

		assertThat(details.getBaseUrl()).isEqualTo(emulator.baseUrl());
		assertThat(details.getServerKey()).isEqualTo(emulator.serverKey());
		assertThat(details.toString()).contains(emulator.baseUrl())
			.doesNotContain(emulator.serverKey())
			.doesNotContain(emulator.clientKey());
	}

	private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
		// Thread.isVirtual() is Java 21 API; this module compiles for 17.
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}

	/**
	 * Records the thread the last request ran on: a filter runs on the same thread as the
	 * controller it leads to.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class RequestThreadRecorder {

		@Bean
		AtomicReference<Thread> requestThread() {
			return new AtomicReference<>();
		}

		@Bean
		Filter requestThreadRecordingFilter(AtomicReference<Thread> requestThread) {
			return (request, response, chain) -> {
				requestThread.set(Thread.currentThread());
				chain.doFilter(request, response);
			};
		}

	}

}
