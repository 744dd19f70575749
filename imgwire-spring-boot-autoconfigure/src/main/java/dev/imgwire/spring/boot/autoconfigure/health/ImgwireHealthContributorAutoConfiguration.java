package dev.imgwire.spring.boot.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.spring.boot.autoconfigure.ImgwireAutoConfiguration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link ImgwireHealthIndicator}.
 * <p>
 * Opt-in: the indicator is registered only with
 * {@code management.health.imgwire.enabled=true}, unlike Boot's own indicators which are
 * on unless disabled. A remote API being slow should not usually take an application out
 * of service; consider keeping the indicator out of the liveness and readiness groups.
 *
 * @author Imgwire
 * @since 0.1.0
 */
@AutoConfiguration(after = ImgwireAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ImgwireImagesClient.class })
@ConditionalOnBean(ImgwireImagesClient.class)
@ConditionalOnBooleanProperty(name = "management.health.imgwire.enabled")
@EnableConfigurationProperties(ImgwireHealthIndicatorProperties.class)
public final class ImgwireHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "imgwireHealthIndicator")
	ImgwireHealthIndicator imgwireHealthIndicator(ImgwireImagesClient imgwireImagesClient,
			ImgwireHealthIndicatorProperties properties) {
		return new ImgwireHealthIndicator(imgwireImagesClient, properties.getTimeout());
	}

}
