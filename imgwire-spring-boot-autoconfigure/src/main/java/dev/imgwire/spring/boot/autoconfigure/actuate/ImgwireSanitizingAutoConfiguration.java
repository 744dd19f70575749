package dev.imgwire.spring.boot.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that keeps the Imgwire keys out of
 * the actuator's {@code env} and {@code configprops} endpoints, whatever their
 * {@code show-values} setting. Applies whenever actuator is on the classpath, also with
 * {@code imgwire.enabled=false}: the keys may be in the environment all the same.
 *
 * @author Imgwire
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class ImgwireSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "imgwireKeysSanitizingFunction")
	ImgwireKeysSanitizingFunction imgwireKeysSanitizingFunction() {
		return new ImgwireKeysSanitizingFunction();
	}

}
