package dev.imgwire.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.ImgwireImagesClient;

/**
 * Starts a minimal Spring Boot application (no web server) in a fresh JVM, with or
 * without the starter's auto-configurations, and prints how long the context took, the
 * heap in use after a full GC, and the resident set size. The class path is the same
 * every way; "without" excludes the Imgwire auto-configurations, so the difference is
 * what the starter's beans cost. "webclient" is "without" plus a bean built from Boot's
 * {@code WebClient.Builder}, as in an application that already calls some HTTP service
 * with WebClient: the difference to it is what Imgwire adds to such an application.
 * <p>
 * Argument: {@code with}, {@code without} or {@code webclient}.
 */
public final class StartupProbe {

	static final String IMGWIRE_AUTO_CONFIGURATIONS = String.join(",",
			"dev.imgwire.spring.boot.autoconfigure.ImgwireAutoConfiguration",
			"dev.imgwire.spring.boot.autoconfigure.health.ImgwireHealthContributorAutoConfiguration",
			"dev.imgwire.spring.boot.autoconfigure.observation.ImgwireObservationAutoConfiguration",
			"dev.imgwire.spring.boot.autoconfigure.actuate.ImgwireSanitizingAutoConfiguration",
			"dev.imgwire.spring.boot.autoconfigure.cdn.ImgwireVariantsAutoConfiguration");

	private StartupProbe() {
	}

	public static void main(String[] args) throws Exception {
		boolean withStarter = args[0].equals("with");
		long start = System.nanoTime();
		SpringApplication application = args[0].equals("webclient")
				? new SpringApplication(Application.class, WebClientApplication.class)
				: new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.main.banner-mode", "off");
		properties.put("imgwire.server-key", "sk_test_startup_probe");
		if (!withStarter) {
			properties.put("spring.autoconfigure.exclude", IMGWIRE_AUTO_CONFIGURATIONS);
		}
		application.setDefaultProperties(properties);
		try (ConfigurableApplicationContext context = application.run()) {
			long contextNanos = System.nanoTime() - start;
			long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
			int clients = context.getBeanNamesForType(ImgwireImagesClient.class).length;
			if (withStarter != (clients == 1)) {
				throw new IllegalStateException(
						"Expected " + (withStarter ? "one" : "no") + " Imgwire client, found " + clients);
			}
			System.gc();
			System.gc();
			long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
			System.out.println("STARTUP\t" + args[0] + "\t" + contextNanos + "\t" + sinceJvmStart + "\t" + heap + "\t"
					+ residentBytes() + "\t" + ManagementFactory.getThreadMXBean().getThreadCount());
		}
	}

	private static long residentBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (Exception ex) {
			// Not Linux.
		}
		return -1;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

	@Configuration(proxyBeanMethods = false)
	static class WebClientApplication {

		@Bean
		WebClient someServiceClient(WebClient.Builder builder) {
			return builder.baseUrl("https://service.example").build();
		}

	}

}
