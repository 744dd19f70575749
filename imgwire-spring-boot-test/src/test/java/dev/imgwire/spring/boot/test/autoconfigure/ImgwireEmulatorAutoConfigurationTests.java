package dev.imgwire.spring.boot.test.autoconfigure;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.spring.boot.autoconfigure.ImgwireAutoConfiguration;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link ImgwireEmulatorAutoConfiguration}.
 *
 * @author Imgwire
 */
class ImgwireEmulatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, ImgwireAutoConfiguration.class,
				ImgwireEmulatorAutoConfiguration.class));

	@Test
	void shouldBeImportedByTheAnnotation() {
		assertThat(
				ImportCandidates.load(AutoConfigureImgwireEmulator.class, getClass().getClassLoader()).getCandidates())
			.containsExactly(ImgwireEmulatorAutoConfiguration.class.getName());
	}

	@Test
	void shouldPointTheClientAtTheEmulatorAndStopItWithTheContext() {
		AtomicReference<ImgwireEmulator> emulator = new AtomicReference<>();
		this.contextRunner.run((context) -> {
			emulator.set(context.getBean(ImgwireEmulator.class));
			assertThat(context.getBean(ImgwireConnectionDetails.class).getServerKey())
				.isEqualTo(emulator.get().serverKey());
			assertThat(context.getBean(ImgwireImagesClient.class).list(1, 1).block()).isNotNull();
		});
		assertThatIOException().isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", emulator.get().port()), 2000);
			}
		});
	}

	@Test
	void shouldTakePrecedenceOverApplicationConnectionDetails() {
		this.contextRunner.withUserConfiguration(ProductionConnectionDetailsConfiguration.class).run((context) -> {
			assertThat(context.getBean(ImgwireConnectionDetails.class).getBaseUrl())
				.isEqualTo(context.getBean(ImgwireEmulator.class).baseUrl());
			assertThat(context.getBean(ImgwireImagesClient.class).list(1, 1).block()).isNotNull();
		});
	}

	@Test
	void shouldBackOffWithoutTheEmulatorOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ImgwireEmulator.class))
			.withPropertyValues("imgwire.server-key=sk_x")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("imgwireEmulator"));
	}

	@Configuration(proxyBeanMethods = false)
	static class ProductionConnectionDetailsConfiguration {

		@Bean
		ImgwireConnectionDetails productionConnectionDetails() {
			return new ImgwireConnectionDetails() {

				@Override
				public String getBaseUrl() {
					return "https://api.imgwire.dev";
				}

				@Override
				public String getServerKey() {
					return "sk_production";
				}

			};
		}

	}

}
