package dev.imgwire.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
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
		map.from(properties::getResponseTimeout)
			.to(validated("imgwire.response-timeout", clientBuilder::responseTimeout));
		map.from(properties::getUploadTimeout).to(validated("imgwire.upload-timeout", clientBuilder::uploadTimeout));
		map.from(properties.getUpload()::getPollInterval)
			.to(validated("imgwire.upload.poll-interval", clientBuilder::pollInterval));
		map.from(properties.getUpload()::isAwaitReady).to(clientBuilder::awaitReadyByDefault);
		map.from(properties.getUpload()::getReadyTimeout)
			.to(validated("imgwire.upload.ready-timeout", clientBuilder::readyTimeout));
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
		Duration initialDelay = retry.getInitialDelay();
		Duration maxDelay = retry.getMaxDelay();
		if (retry.getMaxRetries() < 0) {
			throw new InvalidConfigurationPropertyValueException("imgwire.retry.max-retries", retry.getMaxRetries(),
					"Must be at least 0.");
		}
		if (initialDelay == null || initialDelay.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("imgwire.retry.initial-delay", initialDelay,
					"Must be a duration of zero or more.");
		}
		if (maxDelay == null || maxDelay.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("imgwire.retry.max-delay", maxDelay,
					"Must be a duration of zero or more.");
		}
		if (maxDelay.compareTo(initialDelay) < 0) {
			throw new InvalidConfigurationPropertyValueException("imgwire.retry.max-delay", maxDelay,
					"Must not be shorter than 'imgwire.retry.initial-delay' (" + initialDelay + ").");
		}
		if (!(retry.getJitter() >= 0 && retry.getJitter() <= 1)) {
			throw new InvalidConfigurationPropertyValueException("imgwire.retry.jitter", retry.getJitter(),
					"Must be between 0 and 1.");
		}
		return new ImgwireRetryPolicy(true, retry.getMaxRetries(), initialDelay, maxDelay, retry.getJitter());
	}

	/**
	 * Adapt a setter of the client builder so that a value it rejects fails with an
	 * {@link InvalidConfigurationPropertyValueException} naming the property.
	 * @param <T> the type of the value
	 * @param name the name of the property
	 * @param setter the setter of the client builder
	 * @return the validating setter
	 */
	private static <T> Consumer<T> validated(String name, Consumer<T> setter) {
		return (value) -> {
			try {
				setter.accept(value);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(name, value, reason(ex));
			}
		};
	}

	/**
	 * The reason of a rejected value, without the name of the builder argument that the
	 * client puts first ({@code "pollInterval: must be ..."}).
	 */
	private static String reason(IllegalArgumentException ex) {
		String message = String.valueOf(ex.getMessage());
		int separator = message.indexOf(": ");
		String reason = (separator != -1) ? message.substring(separator + 2) : message;
		return StringUtils.capitalize(reason.endsWith(".") ? reason : reason + ".");
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
				ClientHttpConnectorBuilder<?> builder = connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect);
				HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
					.withTimeouts(connectTimeout, null);
				webClientBuilder.clientConnector(builder.build(settings));
			};
		}

	}

}
