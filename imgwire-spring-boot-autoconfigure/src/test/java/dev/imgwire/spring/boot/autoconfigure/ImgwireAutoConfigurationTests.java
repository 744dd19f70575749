package dev.imgwire.spring.boot.autoconfigure;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.ImgwireClient;
import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.cors.ImgwireCorsOriginsClient;
import dev.imgwire.client.domain.ImgwireCustomDomainClient;
import dev.imgwire.client.error.ImgwireAuthenticationException;
import dev.imgwire.client.error.ImgwireSpoolLimitException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.metrics.ImgwireMetricsClient;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ImgwireAutoConfiguration}.
 *
 * @author Imgwire
 */
class ImgwireAutoConfigurationTests {

	@RegisterExtension
	static final ImgwireEmulatorExtension emulator = new ImgwireEmulatorExtension();

	private final ApplicationContextRunner contextRunner = ImgwireEmulatorExtension.contextRunner();

	@Test
	void shouldCreateImagesClientThatCallsTheConfiguredApi() {
		emulator.runner().run((context) -> {
			assertThat(context).hasSingleBean(ImgwireImagesClient.class)
				.hasSingleBean(PropertiesImgwireConnectionDetails.class);
			Image image = context.getBean(ImgwireImagesClient.class)
				.upload(TestImages.source(TestImages.png(3, 2)), TestImages.options("cat.png"))
				.block(Duration.ofSeconds(10));
			assertThat(image.originalFilename()).isEqualTo("cat.png");
			Page<Image> page = context.getBean(ImgwireImagesClient.class).list(1, 10).block(Duration.ofSeconds(10));
			assertThat(page.items()).extracting(Image::id).containsExactly(image.id());
		});
	}

	@Test
	void shouldWorkWithoutBootWebClientBuilder() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ImgwireAutoConfiguration.class))
			.withPropertyValues("imgwire.base-url=" + emulator.baseUrl(), "imgwire.server-key=" + emulator.serverKey())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(WebClient.Builder.class);
				assertThat(context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10)))
					.isNotNull();
			});
	}

	@Nested
	class ResourceClients {

		@Test
		void eachResourceClientIsABeanDerivedFromTheRootClient() {
			emulator.runner().run((context) -> {
				ImgwireClient root = context.getBean(ImgwireClient.class);
				assertThat(context.getBean(ImgwireImagesClient.class)).isSameAs(root.images());
				assertThat(context.getBean(ImgwireCorsOriginsClient.class)).isSameAs(root.corsOrigins());
				assertThat(context.getBean(ImgwireCustomDomainClient.class)).isSameAs(root.customDomain());
				assertThat(context.getBean(ImgwireMetricsClient.class)).isSameAs(root.metrics());
			});
		}

		@Test
		void aUserDefinedImagesClientReplacesOnlyThatBean() {
			emulator.runner().withUserConfiguration(UserClientConfiguration.class).run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ImgwireImagesClient.class);
				assertThat(context.getBean(ImgwireImagesClient.class))
					.isSameAs(context.getBean(UserClientConfiguration.class).client);
				assertThat(context.getBean(ImgwireCorsOriginsClient.class))
					.isSameAs(context.getBean(ImgwireClient.class).corsOrigins());
			});
		}

		@Test
		void aUserDefinedRootClientIsTheOneEveryResourceClientComesFrom() {
			this.runnerWithUserRoot().run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ImgwireClient.class);
				ImgwireClient root = context.getBean(UserRootClientConfiguration.class).client;
				assertThat(context.getBean(ImgwireClient.class)).isSameAs(root);
				assertThat(context.getBean(ImgwireImagesClient.class)).isSameAs(root.images());
				assertThat(context.getBean(ImgwireMetricsClient.class)).isSameAs(root.metrics());
			});
		}

		private ApplicationContextRunner runnerWithUserRoot() {
			return ImgwireAutoConfigurationTests.this.contextRunner
				.withUserConfiguration(UserRootClientConfiguration.class);
		}

	}

	@Test
	void shouldUseUserConnectionDetailsInsteadOfProperties() {
		this.contextRunner.withUserConfiguration(EmulatorConnectionDetailsConfiguration.class)
			.withPropertyValues("imgwire.base-url=https://api.imgwire.invalid", "imgwire.server-key=sk_not_used")
			.run((context) -> {
				assertThat(context).hasSingleBean(ImgwireConnectionDetails.class)
					.doesNotHaveBean(PropertiesImgwireConnectionDetails.class);
				assertThat(context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10)))
					.isNotNull();
				assertThat(emulator.state().requestCount(EmulatorOperation.LIST)).isEqualTo(1);
			});
	}

	@Test
	void shouldNotConfigureWhenDisabled() {
		emulator.runner()
			.withPropertyValues("imgwire.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ImgwireImagesClient.class)
				.doesNotHaveBean(ImgwireConnectionDetails.class)
				.doesNotHaveBean(ImgwireProperties.class));
	}

	@Test
	void shouldNotConfigureWhenWebClientIsNotOnClasspath() {
		emulator.runner()
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ImgwireImagesClient.class)
				.doesNotHaveBean(ImgwireConnectionDetails.class));
	}

	@Test
	void shouldFailWithHelpfulAnalysisWhenServerKeyIsMissing() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ImgwireServerKeyMissingException.class);
			FailureAnalysis analysis = new ImgwireServerKeyMissingFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'imgwire.server-key'").contains("'IMGWIRE_API_KEY'");
			assertThat(analysis.getAction()).contains("imgwire.server-key")
				.contains("IMGWIRE_API_KEY")
				.contains("imgwire.enabled=false")
				.contains("ImgwireConnectionDetails")
				.contains("ImgwireImagesClient")
				.contains("imgwire-spring-boot-test")
				.contains("@AutoConfigureImgwireEmulator");
		});
	}

	@Test
	void shouldTreatBlankServerKeyAsMissing() {
		this.contextRunner.withPropertyValues("imgwire.server-key= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ImgwireServerKeyMissingException.class));
	}

	@Test
	void shouldReadServerKeyFromImgwireApiKeyEnvironmentVariable() {
		this.contextRunner
			.withPropertyValues("imgwire.base-url=" + emulator.baseUrl(), "IMGWIRE_API_KEY=" + emulator.serverKey())
			.run((context) -> {
				assertThat(context.getBean(ImgwireConnectionDetails.class).getServerKey())
					.isEqualTo(emulator.serverKey());
				assertThat(context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10)))
					.isNotNull();
			});
	}

	@Test
	void shouldPreferServerKeyPropertyOverImgwireApiKeyEnvironmentVariable() {
		this.contextRunner
			.withPropertyValues("imgwire.base-url=" + emulator.baseUrl(), "imgwire.server-key=sk_wrong",
					"IMGWIRE_API_KEY=" + emulator.serverKey(), "imgwire.retry.enabled=false")
			.run((context) -> assertThatExceptionOfType(ImgwireAuthenticationException.class)
				.isThrownBy(() -> context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10))));
	}

	@Test
	void shouldApplyBootWebClientCustomizers() {
		emulator.runner().withUserConfiguration(BootCustomizerConfiguration.class).run((context) -> {
			context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10));
			assertThat(context.getBean(CallRecorder.class).calls).containsExactly("boot");
		});
	}

	@Test
	void shouldApplyImgwireWebClientCustomizersInOrder() {
		emulator.runner().withUserConfiguration(ImgwireCustomizersConfiguration.class).run((context) -> {
			context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10));
			assertThat(context.getBean(CallRecorder.class).calls).containsExactly("first", "second");
		});
	}

	@Test
	void shouldCreateTheWebClientAtTheFirstRequestNotAtStartUp() {
		List<String> customized = new CopyOnWriteArrayList<>();
		emulator.runner()
			.withBean("countingCustomizer", ImgwireWebClientCustomizer.class,
					() -> (builder) -> customized.add("customized"))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(ImgwireImagesClient.class);
				// Started: the customizer bean exists, but no WebClient was built yet.
				assertThat(customized).isEmpty();
				ImgwireImagesClient client = context.getBean(ImgwireImagesClient.class);
				assertThat(client.list(1, 1).block(Duration.ofSeconds(10))).isNotNull();
				assertThat(client.list(1, 1).block(Duration.ofSeconds(10))).isNotNull();
				// Built once, at the first request, for every later one.
				assertThat(customized).containsExactly("customized");
			});
	}

	@Test
	void shouldNotMutateSharedWebClientBuilder() {
		emulator.runner()
			.withUserConfiguration(SharedWebClientBuilderConfiguration.class, ImgwireCustomizersConfiguration.class)
			.run((context) -> {
				ImgwireImagesClient client = context.getBean(ImgwireImagesClient.class);
				client.list(1, 1).block(Duration.ofSeconds(10));
				WebClient.Builder shared = context.getBean(WebClient.Builder.class);
				assertThat(shared).isSameAs(context.getBean(SharedWebClientBuilderConfiguration.class).builder);
				shared.filters((filters) -> assertThat(filters).hasSize(1));
				shared.defaultHeaders(
						(headers) -> assertThat(headers.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse());
				// The shared builder's own filter saw the Imgwire call: the clone kept it
				assertThat(context.getBean(CallRecorder.class).calls).containsExactly("shared", "first", "second");
			});
	}

	@Test
	void shouldTimeOutWhenTheApiAnswersLaterThanTheResponseTimeout() {
		emulator.runner()
			.withPropertyValues("imgwire.response-timeout=200ms", "imgwire.retry.enabled=false")
			.run((context) -> {
				emulator.faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofSeconds(2));
				assertThatExceptionOfType(ImgwireTimeoutException.class).isThrownBy(
						() -> context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10)));
			});
	}

	@Test
	void shouldBuildConnectorWithConnectTimeoutAndNoReadTimeout() {
		emulator.runner()
			.withUserConfiguration(CapturingConnectorConfiguration.class)
			.withPropertyValues("imgwire.connect-timeout=1234ms", "spring.http.clients.read-timeout=5s",
					"spring.http.clients.redirects=dont-follow")
			.run((context) -> {
				assertThat(context).hasSingleBean(ImgwireImagesClient.class);
				assertThat(context.getBean(HttpClientSettings.class).readTimeout()).isEqualTo(Duration.ofSeconds(5));
				// The connector is built at the first request.
				context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10));
				HttpClient httpClient = context.getBean(CapturingConnectorConfiguration.class).withConnectTimeout(1234);
				assertThat(httpClient.configuration().responseTimeout()).isNull();
				// Global settings other than timeouts still apply
				assertThat(httpClient.configuration().followRedirectPredicate()).isNull();
			});
	}

	@Test
	void shouldStartFromGlobalHttpClientSettingsBean() {
		emulator.runner()
			.withUserConfiguration(CapturingConnectorConfiguration.class)
			.withBean(HttpClientSettings.class,
					() -> HttpClientSettings.defaults()
						.withRedirects(HttpRedirects.FOLLOW)
						.withReadTimeout(Duration.ofSeconds(1)))
			.run((context) -> {
				// The connector is built at the first request.
				context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10));
				HttpClient httpClient = context.getBean(CapturingConnectorConfiguration.class)
					.withConnectTimeout(10000);
				assertThat(httpClient.configuration().followRedirectPredicate()).isNotNull();
				assertThat(httpClient.configuration().responseTimeout()).isNull();
			});
	}

	@Test
	void shouldExplainRefusedPlainHttpBaseUrlWithFailureAnalysis() {
		// Which base URLs are refused: see reliability.InsecureBaseUrlTests
		this.contextRunner.withPropertyValues("imgwire.base-url=http://api.imgwire.example", "imgwire.server-key=sk_x")
			.run((context) -> {
				assertThat(context).getFailure().rootCause().isInstanceOf(InsecureImgwireBaseUrlException.class);
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("imgwire.base-url")
					.hasMessageContaining("imgwire.allow-insecure-http");
				FailureAnalysis analysis = new InsecureImgwireBaseUrlFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("http://api.imgwire.example")
					.contains("'imgwire.base-url'");
				assertThat(analysis.getAction()).contains("imgwire.allow-insecure-http=true");
			});
	}

	@Test
	void shouldFailWithPropertyNamesWhenRetryPropertiesAreInconsistent() {
		emulator.runner()
			.withPropertyValues("imgwire.retry.initial-delay=1s", "imgwire.retry.max-delay=100ms")
			.run((context) -> {
				InvalidConfigurationPropertyValueException ex = invalidPropertyValue(context);
				assertThat(ex.getName()).isEqualTo("imgwire.retry.max-delay");
				assertThat(ex.getValue()).isEqualTo(Duration.ofMillis(100));
				assertThat(ex.getReason()).contains("imgwire.retry.initial-delay");
				assertThat(ex).hasMessageContaining("imgwire.retry.max-delay");
			});
	}

	@ParameterizedTest
	@CsvSource({ "imgwire.retry.max-retries, -1", "imgwire.retry.initial-delay, -1ms", "imgwire.retry.max-delay, -1ms",
			"imgwire.retry.jitter, 1.5", "imgwire.retry.jitter, -0.1", "imgwire.upload.poll-interval, 0ms",
			"imgwire.upload.poll-interval, 10m", "imgwire.upload.ready-timeout, 0s", "imgwire.response-timeout, -1s",
			"imgwire.upload-timeout, 0s", "imgwire.connect-timeout, 0s", "imgwire.connect-timeout, -5s",
			"imgwire.block-timeout, 0s", "imgwire.block-timeout, -1s", "imgwire.upload.spool.max-size, 0B",
			"imgwire.upload.spool.max-size, -1MB" })
	void shouldFailWithPropertyNameValueAndReasonWhenAValueIsInvalid(String name, String value) {
		emulator.runner().withPropertyValues(name + "=" + value).run((context) -> {
			InvalidConfigurationPropertyValueException ex = invalidPropertyValue(context);
			assertThat(ex.getName()).isEqualTo(name);
			assertThat(ex.getValue()).isNotNull();
			assertThat(ex.getReason()).isNotBlank().doesNotContain("maxDelay", "pollInterval", "Timeout");
			// What Boot's own failure analyzers print
			FailureAnalysis analysis = bootFailureAnalysis(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'" + name + "'").contains(ex.getReason());
		});
	}

	@Test
	void shouldAcceptZeroRetryDelays() {
		emulator.runner()
			.withPropertyValues("imgwire.retry.initial-delay=0ms", "imgwire.retry.max-delay=0ms",
					"imgwire.retry.jitter=1")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ImgwireImagesClient.class));
	}

	@Test
	void shouldNotValidateRetryPropertiesWhenRetryIsDisabled() {
		emulator.runner()
			.withPropertyValues("imgwire.retry.enabled=false", "imgwire.retry.max-delay=-1s")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ImgwireImagesClient.class));
	}

	@Test
	void shouldBackOffFromConnectorCustomizerWhenUserDefinesOneWithTheSameName() {
		emulator.runner().withUserConfiguration(UserConnectorCustomizerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ImgwireWebClientCustomizer.class);
			assertThat(context.getBean("imgwireClientHttpConnectorCustomizer"))
				.isSameAs(context.getBean(UserConnectorCustomizerConfiguration.class).customizer);
			context.getBean(ImgwireImagesClient.class).list(1, 1).block(Duration.ofSeconds(10));
			assertThat(context.getBean(CallRecorder.class).calls).containsExactly("user");
		});
	}

	private static InvalidConfigurationPropertyValueException invalidPropertyValue(
			AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		InvalidConfigurationPropertyValueException ex = findCause(failure,
				InvalidConfigurationPropertyValueException.class);
		assertThat(ex).as("InvalidConfigurationPropertyValueException in %s", failure).isNotNull();
		return ex;
	}

	private static FailureAnalysis bootFailureAnalysis(Throwable failure) {
		ArgumentResolver arguments = ArgumentResolver.of(Environment.class, new StandardEnvironment())
			.and(BeanFactory.class, new DefaultListableBeanFactory());
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, ex) -> {
			}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		return null;
	}

	private static <E extends Throwable> E findCause(Throwable failure, Class<E> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	@Test
	void shouldNotExposeKeysInToString() {
		this.contextRunner
			.withPropertyValues("imgwire.base-url=" + emulator.baseUrl(), "imgwire.server-key=sk_secret_1",
					"imgwire.client-key=ck_secret_2", "imgwire.environment-id=env-1")
			.run((context) -> {
				String details = context.getBean(ImgwireConnectionDetails.class).toString();
				assertThat(details).contains(emulator.baseUrl())
					.contains("env-1")
					.doesNotContain("sk_secret_1")
					.doesNotContain("ck_secret_2");
				assertThat(context.getBean(ImgwireProperties.class).toString()).doesNotContain("sk_secret_1")
					.doesNotContain("ck_secret_2");
				assertThat(context.getBean(ImgwireImagesClient.class).toString()).doesNotContain("sk_secret_1")
					.doesNotContain("ck_secret_2");
			});
	}

	@Test
	void shouldBindDefaults() {
		emulator.runner().run((context) -> {
			ImgwireProperties properties = context.getBean(ImgwireProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getUploadTimeout()).isEqualTo(Duration.ofMinutes(10));
			assertThat(properties.isAllowInsecureHttp()).isFalse();
			assertThat(properties.getRetry().isEnabled()).isTrue();
			assertThat(properties.getRetry().getMaxRetries()).isEqualTo(2);
			assertThat(properties.getRetry().getInitialDelay()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.getRetry().getMaxDelay()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getRetry().getJitter()).isEqualTo(0.5);
			assertThat(properties.getUpload().isAwaitReady()).isFalse();
			assertThat(properties.getUpload().getReadyTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.getUpload().getPollInterval()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.getObservations().isEnabled()).isTrue();
			assertThat(properties.getUpload().getSpool().getDirectory()).isNull();
			assertThat(properties.getUpload().getSpool().getMaxSize()).isEqualTo(DataSize.ofGigabytes(1));
		});
	}

	@Nested
	class UploadSpoolProperties {

		@TempDir
		Path directory;

		@Test
		void sourcesOfUnknownLengthAreSpooledInTheConfiguredDirectoryWhichIsLeftEmpty() throws Exception {
			Path spool = this.directory.resolve("imgwire-spool");
			emulator.runner().withPropertyValues("imgwire.upload.spool.directory=" + spool).run((context) -> {
				byte[] png = TestImages.png(3, 3);
				Image image = context.getBean(ImgwireImagesClient.class)
					.upload(UploadSource.fromInputStream(new ByteArrayInputStream(png)), UploadOptions.defaults())
					.block(Duration.ofSeconds(10));
				assertThat(emulator.state().storedBytes(image.id())).hasValue(png);
				assertThat(spool).isDirectory();
				awaitEmpty(spool);
			});
		}

		@Test
		void aSourceLargerThanTheConfiguredMaxSizeFailsNamingTheProperty() {
			emulator.runner()
				.withPropertyValues("imgwire.upload.spool.directory=" + this.directory,
						"imgwire.upload.spool.max-size=10KB")
				.run((context) -> {
					UploadSource large = UploadSource.fromInputStream(new ByteArrayInputStream(new byte[20 * 1024]));
					assertThatExceptionOfType(ImgwireSpoolLimitException.class)
						.isThrownBy(() -> context.getBean(ImgwireImagesClient.class)
							.upload(large, UploadOptions.defaults())
							.block(Duration.ofSeconds(10)))
						.withMessageContaining("imgwire.upload.spool.max-size")
						.satisfies((ex) -> assertThat(ex.getMaxBytes()).isEqualTo(10 * 1024));
					assertThat(emulator.state().requestCount(EmulatorOperation.STANDARD_UPLOAD)).isZero();
					awaitEmpty(this.directory);
				});
		}

		@Test
		void aSpoolDirectoryThatIsAFileFailsNamingTheProperty() throws Exception {
			Path file = Files.createFile(this.directory.resolve("not-a-directory"));
			emulator.runner().withPropertyValues("imgwire.upload.spool.directory=" + file).run((context) -> {
				InvalidConfigurationPropertyValueException ex = invalidPropertyValue(context);
				assertThat(ex.getName()).isEqualTo("imgwire.upload.spool.directory");
				assertThat(ex.getReason()).contains("directory").doesNotContain("spoolDirectory");
			});
		}

		private static void awaitEmpty(Path directory) throws Exception {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (System.nanoTime() < deadline && !isEmpty(directory)) {
				Thread.sleep(20);
			}
			assertThat(isEmpty(directory)).as("spool files left in " + directory).isTrue();
		}

		private static boolean isEmpty(Path directory) throws Exception {
			try (Stream<Path> files = Files.list(directory)) {
				return files.findAny().isEmpty();
			}
		}

	}

	@Test
	void shouldAwaitReadyByDefaultWhenConfigured() {
		emulator.runner()
			.withPropertyValues("imgwire.upload.await-ready=true", "imgwire.upload.poll-interval=20ms",
					"imgwire.upload.ready-timeout=10s")
			.run((context) -> {
				Image image = context.getBean(ImgwireImagesClient.class)
					.upload(TestImages.source(TestImages.png(2, 2)), TestImages.options("ready.png"))
					.block(Duration.ofSeconds(15));
				assertThat(image.status()).isEqualTo(dev.imgwire.client.model.ImageStatus.READY);
			});
	}

	static ExchangeFilterFunction recording(CallRecorder recorder, String name) {
		return (request, next) -> {
			recorder.calls.add(name);
			return next.exchange(request);
		};
	}

	static class CallRecorder {

		final List<String> calls = new CopyOnWriteArrayList<>();

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		final ImgwireImagesClient client = ImgwireImagesClient
			.builder(WebClient.builder(), dev.imgwire.client.ImgwireClientSettings.of("http://127.0.0.1:1", "sk_user"))
			.build();

		@Bean
		ImgwireImagesClient userImgwireImagesClient() {
			return this.client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRootClientConfiguration {

		final ImgwireClient client = ImgwireClient
			.builder(WebClient.builder(), dev.imgwire.client.ImgwireClientSettings.of("http://127.0.0.1:1", "sk_user"))
			.build();

		@Bean
		ImgwireClient userImgwireClient() {
			return this.client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EmulatorConnectionDetailsConfiguration {

		@Bean
		ImgwireConnectionDetails userImgwireConnectionDetails() {
			return new ImgwireConnectionDetails() {

				@Override
				public String getBaseUrl() {
					return emulator.baseUrl();
				}

				@Override
				public String getServerKey() {
					return emulator.serverKey();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BootCustomizerConfiguration {

		@Bean
		CallRecorder callRecorder() {
			return new CallRecorder();
		}

		@Bean
		WebClientCustomizer recordingWebClientCustomizer(CallRecorder recorder) {
			return (builder) -> builder.filter(recording(recorder, "boot"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ImgwireCustomizersConfiguration {

		@Bean
		CallRecorder callRecorder() {
			return new CallRecorder();
		}

		@Bean
		@Order(20)
		ImgwireWebClientCustomizer secondImgwireWebClientCustomizer(CallRecorder recorder) {
			return (builder) -> builder.filter(recording(recorder, "second"));
		}

		@Bean
		@Order(10)
		ImgwireWebClientCustomizer firstImgwireWebClientCustomizer(CallRecorder recorder) {
			return (builder) -> builder.filter(recording(recorder, "first"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SharedWebClientBuilderConfiguration {

		WebClient.Builder builder;

		@Bean
		WebClient.Builder sharedWebClientBuilder(CallRecorder recorder) {
			this.builder = WebClient.builder().filter(recording(recorder, "shared"));
			return this.builder;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectorCustomizerConfiguration {

		final CallRecorder recorder = new CallRecorder();

		final ImgwireWebClientCustomizer customizer = (builder) -> builder.filter(recording(this.recorder, "user"));

		@Bean
		CallRecorder callRecorder() {
			return this.recorder;
		}

		@Bean
		ImgwireWebClientCustomizer imgwireClientHttpConnectorCustomizer() {
			return this.customizer;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CapturingConnectorConfiguration {

		// Boot's own ClientHttpConnector bean is built by the same builder
		final List<HttpClient> httpClients = new CopyOnWriteArrayList<>();

		@Bean
		ClientHttpConnectorBuilder<?> capturingClientHttpConnectorBuilder() {
			return ClientHttpConnectorBuilder.reactor().withHttpClientCustomizer((client) -> {
				this.httpClients.add(client);
				return client;
			});
		}

		HttpClient withConnectTimeout(int millis) {
			return this.httpClients.stream()
				.filter((client) -> Integer.valueOf(millis)
					.equals(client.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS)))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No connector with a connect timeout of " + millis + "ms"));
		}

	}

}
