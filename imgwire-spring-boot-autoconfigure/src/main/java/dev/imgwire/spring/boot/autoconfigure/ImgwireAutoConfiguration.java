package dev.imgwire.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.ImgwireClient;
import dev.imgwire.client.ImgwireClientBuilder;
import dev.imgwire.client.ImgwireClientSettings;
import dev.imgwire.client.ImgwireCorsOriginsTemplate;
import dev.imgwire.client.ImgwireCustomDomainTemplate;
import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.ImgwireImagesTemplate;
import dev.imgwire.client.ImgwireMetricsTemplate;
import dev.imgwire.client.ImgwireTemplate;
import dev.imgwire.client.cors.ImgwireCorsOriginsClient;
import dev.imgwire.client.domain.ImgwireCustomDomainClient;
import dev.imgwire.client.metrics.ImgwireMetricsClient;
import dev.imgwire.client.observation.ImgwireClientObservationConvention;
import dev.imgwire.client.retry.ImgwireRetryStrategy;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the reactive
 * {@link ImgwireClient} and its resource clients, and for the blocking
 * {@link ImgwireTemplate} and its resource templates.
 * <p>
 * The client is built from a clone of Boot's prototype {@link WebClient.Builder}, so
 * Boot's codecs, observations and SSL settings apply, then customized by every
 * {@link ImgwireWebClientCustomizer} bean. Each resource client is a bean derived from
 * the root client, and each bean backs off when the application defines its own. The
 * template wraps the root client bean, in servlet, reactive and non-web applications
 * alike, with {@code imgwire.block-timeout}; each resource template is a bean derived
 * from it. {@link ImgwireConnectionDetails} replace the {@code imgwire.*} connection
 * properties. Fails fast when no Server Key is available (see
 * {@link ImgwireServerKeyMissingException}).
 *
 * @author Imgwire
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, ImgwireImagesClient.class })
@ConditionalOnBooleanProperty(name = "imgwire.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ImgwireProperties.class)
public final class ImgwireAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ImgwireConnectionDetails.class)
	PropertiesImgwireConnectionDetails imgwireConnectionDetails(ImgwireProperties properties, Environment environment) {
		return new PropertiesImgwireConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireClient imgwireClient(ImgwireProperties properties, ImgwireConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<ImgwireWebClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ImgwireClientObservationConvention> observationConvention,
			ObjectProvider<ImgwireRetryStrategy> retryStrategy) {
		ImgwireClientSettings settings = ImgwireConnectionDetailsValidator.validate(connectionDetails,
				properties.isAllowInsecureHttp());
		// WebClient, its codecs and its connector are created at the first request, not
		// at start-up: an application pays for them when it first calls Imgwire (see
		// BENCHMARKS.md, target 5). Settings, properties and customizer beans are
		// checked and created now all the same, so bad configuration still fails the
		// start.
		Supplier<WebClient.Builder> builder = () -> {
			// Boot's builder bean is a prototype: each lookup is a fresh copy. Clone
			// anyway so that a user-defined singleton builder is never mutated.
			WebClient.Builder clone = webClientBuilder.getIfAvailable(WebClient::builder).clone();
			customizers.orderedStream().forEach((customizer) -> customizer.customize(clone));
			return clone;
		};
		ImgwireClientBuilder<ImgwireClient> client = new ImgwireClientPropertyMapper(properties)
			.map(ImgwireClient.builder(builder, settings));
		retryStrategy.ifAvailable(client::retryStrategy);
		client.observationRegistry(properties.getObservations().isEnabled()
				? observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP);
		observationConvention.ifAvailable(client::observationConvention);
		return client.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireImagesClient imgwireImagesClient(ImgwireClient imgwireClient) {
		return imgwireClient.images();
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireCorsOriginsClient imgwireCorsOriginsClient(ImgwireClient imgwireClient) {
		return imgwireClient.corsOrigins();
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireCustomDomainClient imgwireCustomDomainClient(ImgwireClient imgwireClient) {
		return imgwireClient.customDomain();
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireMetricsClient imgwireMetricsClient(ImgwireClient imgwireClient) {
		return imgwireClient.metrics();
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireTemplate imgwireTemplate(ImgwireClient imgwireClient, ImgwireProperties properties) {
		return new ImgwireClientPropertyMapper(properties).template(imgwireClient);
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireImagesTemplate imgwireImagesTemplate(ImgwireTemplate imgwireTemplate) {
		return imgwireTemplate.images();
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireCorsOriginsTemplate imgwireCorsOriginsTemplate(ImgwireTemplate imgwireTemplate) {
		return imgwireTemplate.corsOrigins();
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireCustomDomainTemplate imgwireCustomDomainTemplate(ImgwireTemplate imgwireTemplate) {
		return imgwireTemplate.customDomain();
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireMetricsTemplate imgwireMetricsTemplate(ImgwireTemplate imgwireTemplate) {
		return imgwireTemplate.metrics();
	}

	/**
	 * Gives the Imgwire client its own connector, built by Boot's
	 * {@link ClientHttpConnectorBuilder} with {@code imgwire.connect-timeout}. The read
	 * timeout stays unset: the client applies {@code imgwire.response-timeout} per
	 * request and {@code imgwire.upload-timeout} to uploads.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpConnectorBuilder.class)
	static class ImgwireClientHttpConnectorConfiguration {

		@Bean
		@Order(0)
		@ConditionalOnMissingBean(name = "imgwireClientHttpConnectorCustomizer")
		ImgwireWebClientCustomizer imgwireClientHttpConnectorCustomizer(ImgwireProperties properties,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings) {
			Duration connectTimeout = properties.getConnectTimeout();
			if (connectTimeout != null && (connectTimeout.isZero() || connectTimeout.isNegative())) {
				throw new InvalidConfigurationPropertyValueException("imgwire.connect-timeout", connectTimeout,
						"Must be a positive duration.");
			}
			return (webClientBuilder) -> {
				ClientHttpConnectorBuilder<?> builder = connectorBuilder
					.getIfAvailable(ClientHttpConnectorBuilder::detect);
				HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
					.withTimeouts(connectTimeout, null);
				webClientBuilder.clientConnector(builder.build(settings));
			};
		}

	}

}
