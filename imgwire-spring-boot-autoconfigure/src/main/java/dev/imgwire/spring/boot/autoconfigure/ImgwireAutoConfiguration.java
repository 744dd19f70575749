package dev.imgwire.spring.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.DefaultImgwireImagesClient;
import dev.imgwire.client.ImgwireClientSettings;
import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.observation.ImgwireClientObservationConvention;
import dev.imgwire.client.retry.ImgwireRetryPolicy;
import dev.imgwire.client.retry.ImgwireRetryStrategy;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the reactive
 * {@link ImgwireImagesClient}.
 * <p>
 * The client is built from a clone of Boot's prototype {@link WebClient.Builder}, so
 * Boot's codecs, observations and SSL settings apply, then customized by every
 * {@link ImgwireWebClientCustomizer} bean. Backs off when the application defines its own
 * {@link ImgwireImagesClient}; {@link ImgwireConnectionDetails} replace the
 * {@code imgwire.*} connection properties. Fails fast when no Server Key is available
 * (see {@link ImgwireServerKeyMissingException}).
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
	PropertiesImgwireConnectionDetails imgwireConnectionDetails(ImgwireProperties properties,
			Environment environment) {
		return new PropertiesImgwireConnectionDetails(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean
	ImgwireImagesClient imgwireImagesClient(ImgwireProperties properties, ImgwireConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<ImgwireWebClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ImgwireClientObservationConvention> observationConvention,
			ObjectProvider<ImgwireRetryStrategy> retryStrategy) {
		ImgwireClientSettings settings = ImgwireConnectionDetailsValidator.validate(connectionDetails,
				properties.isAllowInsecureHttp());
		// Boot's builder bean is a prototype: each lookup is a fresh copy. Clone anyway so
		// that a user-defined singleton builder is never mutated.
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).clone();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		DefaultImgwireImagesClient.Builder clientBuilder = ImgwireImagesClient.builder(builder, settings);
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getResponseTimeout).to(clientBuilder::responseTimeout);
		map.from(properties::getUploadTimeout).to(clientBuilder::uploadTimeout);
		map.from(properties.getUpload()::getPollInterval).to(clientBuilder::pollInterval);
		map.from(properties.getUpload()::isAwaitReady).to(clientBuilder::awaitReadyByDefault);
		map.from(properties.getUpload()::getReadyTimeout).to(clientBuilder::readyTimeout);
		clientBuilder.retryPolicy(retryPolicy(properties.getRetry()));
		retryStrategy.ifAvailable(clientBuilder::retryStrategy);
		clientBuilder.observationRegistry(properties.getObservations().isEnabled()
				? observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP);
		observationConvention.ifAvailable(clientBuilder::observationConvention);
		return clientBuilder.build();
	}

	private static ImgwireRetryPolicy retryPolicy(ImgwireProperties.Retry retry) {
		if (!retry.isEnabled()) {
			return ImgwireRetryPolicy.disabled();
		}
		try {
			return new ImgwireRetryPolicy(true, retry.getMaxRetries(), retry.getInitialDelay(), retry.getMaxDelay(),
					retry.getJitter());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid 'imgwire.retry' properties: " + ex.getMessage(), ex);
		}
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
		ImgwireWebClientCustomizer imgwireClientHttpConnectorCustomizer(ImgwireProperties properties,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings) {
			return (webClientBuilder) -> {
				ClientHttpConnectorBuilder<?> builder = connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect);
				HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
					.withTimeouts(properties.getConnectTimeout(), null);
				webClientBuilder.clientConnector(builder.build(settings));
			};
		}

	}

}
