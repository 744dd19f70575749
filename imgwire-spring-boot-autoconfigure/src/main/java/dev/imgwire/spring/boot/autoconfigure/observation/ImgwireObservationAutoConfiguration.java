package dev.imgwire.spring.boot.autoconfigure.observation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.imgwire.client.observation.ImgwireClientObservationContext;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for metrics of Imgwire observations
 * beyond the timers Boot derives from every observation: the
 * {@value ImgwireUploadBytesObservationHandler#METER_NAME} distribution summary.
 *
 * @author Imgwire
 * @since 0.1.0
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ ObservationRegistry.class, MeterRegistry.class, ImgwireClientObservationContext.class })
@ConditionalOnBooleanProperty(name = { "imgwire.enabled", "imgwire.observations.enabled" }, matchIfMissing = true)
@ConditionalOnBean({ MeterRegistry.class, ObservationRegistry.class })
public final class ImgwireObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ImgwireUploadBytesObservationHandler imgwireUploadBytesObservationHandler(MeterRegistry meterRegistry) {
		return new ImgwireUploadBytesObservationHandler(meterRegistry);
	}

}
