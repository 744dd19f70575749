package dev.imgwire.spring.boot.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.observation.DefaultImgwireClientObservationConvention;
import dev.imgwire.client.observation.ImgwireClientObservationContext;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.spring.boot.autoconfigure.ImgwireEmulatorExtension;
import dev.imgwire.spring.boot.autoconfigure.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observations and metrics of the auto-configured {@link ImgwireImagesClient}, with
 * {@link ImgwireObservationAutoConfiguration}.
 *
 * @author Imgwire
 */
class ImgwireObservationTests {

	private static final Duration BLOCK = Duration.ofSeconds(20);

	@RegisterExtension
	static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();

	private final ApplicationContextRunner contextRunner = ImgwireEmulatorExtension.contextRunner()
		.withBean(ObservationRegistry.class, TestObservationRegistry::create)
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
				WebClientObservationAutoConfiguration.class, ImgwireObservationAutoConfiguration.class))
		.withUserConfiguration(RecordingHandlerConfiguration.class);

	private ApplicationContextRunner emulatorRunner() {
		return emulator.runner(this.contextRunner)
			.withPropertyValues("imgwire.retry.initial-delay=10ms", "imgwire.retry.max-delay=20ms");
	}

	@Test
	void shouldRecordImgwireClientRequestsWithLowCardinalityKeys() {
		emulatorRunner().run((context) -> {
			context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK);
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			assertThat(registry).hasObservationWithNameEqualTo("imgwire.client.requests")
				.that()
				.hasLowCardinalityKeyValue("imgwire.operation", "images.list")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasLowCardinalityKeyValue("status", "200")
				.hasLowCardinalityKeyValue("error.type", "none")
				.hasHighCardinalityKeyValue("imgwire.attempts", "1");
		});
	}

	@Test
	void shouldRecordFailedOperationWithErrorType() {
		emulatorRunner().withPropertyValues("imgwire.retry.enabled=false").run((context) -> {
			emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
			context.getBean(ImgwireImagesClient.class).list(1, 5).onErrorComplete().block(BLOCK);
			assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("imgwire.client.requests")
				.that()
				.hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
				.hasLowCardinalityKeyValue("status", "503")
				.hasLowCardinalityKeyValue("error.type", "ImgwireServerException");
		});
	}

	@Test
	void shouldRecordBootHttpClientRequestsWithUriTemplate() {
		emulatorRunner().run((context) -> {
			ImgwireImagesClient client = context.getBean(ImgwireImagesClient.class);
			Image image = client.upload(TestImages.source(TestImages.png(2, 2)), TestImages.options("a.png"))
				.block(BLOCK);
			client.retrieve(image.id().toString()).block(BLOCK);
			List<Observation.Context> httpRequests = context.getBean(RecordingHandler.class)
				.named("http.client.requests");
			assertThat(httpRequests).extracting((request) -> value(request, "uri"))
				.contains("/api/v1/images/{image_id}", "/api/v1/images/standard_upload")
				.noneMatch((uri) -> uri.contains(image.id().toString()));
		});
	}

	@Test
	void shouldKeepKeysAndImageIdsOutOfLowCardinalityValues() {
		emulatorRunner().run((context) -> {
			ImgwireImagesClient client = context.getBean(ImgwireImagesClient.class);
			Image image = client.upload(TestImages.source(TestImages.png(2, 2)), TestImages.options("b.png"))
				.block(BLOCK);
			client.retrieve(image.id().toString()).block(BLOCK);
			client.delete(image.id().toString()).block(BLOCK);
			List<Observation.Context> recorded = context.getBean(RecordingHandler.class).contexts;
			assertThat(recorded).isNotEmpty();
			assertThat(recorded)
				.flatExtracting((recordedContext) -> recordedContext.getLowCardinalityKeyValues()
					.stream()
					.map(KeyValue::getValue)
					.toList())
				.noneMatch((value) -> value.contains(image.id().toString()))
				.noneMatch((value) -> value.contains(emulator.serverKey()))
				.noneMatch((value) -> value.contains("upload_token") || value.contains("signature"));
			assertThat(recorded)
				.flatExtracting((recordedContext) -> recordedContext.getHighCardinalityKeyValues()
					.stream()
					.map(KeyValue::getValue)
					.toList())
				.noneMatch((value) -> value.contains(emulator.serverKey()));
			assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("imgwire.client.requests")
				.that()
				.hasHighCardinalityKeyValue("imgwire.image.id", image.id().toString());
		});
	}

	@Test
	void shouldRecordRetries() {
		emulatorRunner().run((context) -> {
			emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503);
			context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK);
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			assertThat(registry).hasObservationWithNameEqualTo("imgwire.client.retries")
				.that()
				.hasLowCardinalityKeyValue("imgwire.operation", "images.list")
				.hasLowCardinalityKeyValue("imgwire.retry.reason", "server_error");
			assertThat(registry).hasObservationWithNameEqualTo("imgwire.client.requests")
				.that()
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasHighCardinalityKeyValue("imgwire.attempts", "2");
			// Each attempt is its own http.client.requests observation
			assertThat(context.getBean(RecordingHandler.class).named("http.client.requests")).hasSize(2);
		});
	}

	@Test
	void shouldUseUserObservationConvention() {
		emulatorRunner().withUserConfiguration(StatusClassConventionConfiguration.class).run((context) -> {
			context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK);
			assertThat(context.getBean(TestObservationRegistry.class))
				.hasObservationWithNameEqualTo("imgwire.client.requests")
				.that()
				.hasLowCardinalityKeyValue("status", "2xx")
				.hasLowCardinalityKeyValue("imgwire.operation", "images.list");
		});
	}

	@Test
	void shouldNotRecordImgwireObservationsWhenDisabled() {
		emulatorRunner().withPropertyValues("imgwire.observations.enabled=false").run((context) -> {
			context.getBean(ImgwireImagesClient.class).list(1, 5).block(BLOCK);
			RecordingHandler handler = context.getBean(RecordingHandler.class);
			assertThat(handler.named("imgwire.client.requests")).isEmpty();
			assertThat(handler.named("http.client.requests")).hasSize(1);
			assertThat(context).doesNotHaveBean(ImgwireUploadBytesObservationHandler.class);
		});
	}

	@Test
	void shouldRecordMetricsIncludingUploadedBytes() {
		emulator.runner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class, ImgwireObservationAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(ImgwireUploadBytesObservationHandler.class);
				ImgwireImagesClient client = context.getBean(ImgwireImagesClient.class);
				byte[] png = TestImages.png(8, 8);
				Image image = client.upload(TestImages.source(png), TestImages.options("c.png")).block(BLOCK);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				long retrievesBefore = registry.find("imgwire.client.requests")
					.tags("imgwire.operation", "images.retrieve")
					.timers()
					.stream()
					.mapToLong(Timer::count)
					.sum();
				long httpRetrievesBefore = registry.find("http.client.requests")
					.tag("uri", "/api/v1/images/{image_id}")
					.timers()
					.stream()
					.mapToLong(Timer::count)
					.sum();
				client.retrieve(image.id().toString()).block(BLOCK);
				DistributionSummary put = registry.get("imgwire.client.upload.bytes")
					.tag("imgwire.operation", "images.put")
					.summary();
				assertThat(put.count()).isEqualTo(1);
				assertThat(put.totalAmount()).isEqualTo(png.length);
				assertThat(registry.find("imgwire.client.upload.bytes").summaries()).containsExactly(put);
				assertThat(registry.get("imgwire.client.requests")
					.tags("imgwire.operation", "images.retrieve", "outcome", "SUCCESS", "status", "200")
					.timer()
					.count()).isEqualTo(retrievesBefore + 1);
				assertThat(registry.get("http.client.requests").tag("uri", "/api/v1/images/{image_id}").timer().count())
					.isEqualTo(httpRetrievesBefore + 1);
				assertThat(registry.getMeters()).flatExtracting((meter) -> meter.getId().getTags())
					.extracting(Tag::getValue)
					.noneMatch((value) -> value.contains(image.id().toString()))
					.noneMatch((value) -> value.contains(emulator.serverKey()));
			});
	}

	private static String value(Observation.Context context, String key) {
		KeyValue keyValue = context.getLowCardinalityKeyValue(key);
		return (keyValue != null) ? keyValue.getValue() : "<missing>";
	}

	static class RecordingHandler implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.contexts.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		List<Observation.Context> named(String name) {
			return this.contexts.stream().filter((context) -> name.equals(context.getName())).toList();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingHandlerConfiguration {

		@Bean
		RecordingHandler recordingHandler() {
			return new RecordingHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StatusClassConventionConfiguration {

		@Bean
		DefaultImgwireClientObservationConvention statusClassConvention() {
			return new DefaultImgwireClientObservationConvention() {

				@Override
				protected KeyValue status(ImgwireClientObservationContext context) {
					String status = super.status(context).getValue();
					return KeyValue.of("status", status.matches("\\d{3}") ? status.charAt(0) + "xx" : status);
				}

			};
		}

	}

}
