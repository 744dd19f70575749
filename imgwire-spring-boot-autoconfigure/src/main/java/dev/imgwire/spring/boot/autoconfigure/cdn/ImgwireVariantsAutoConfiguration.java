package dev.imgwire.spring.boot.autoconfigure.cdn;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

import dev.imgwire.client.cdn.ImageVariant;
import dev.imgwire.client.cdn.ImgwireVariants;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link ImgwireVariants}, built
 * from {@code imgwire.variants.*}. It needs no key and no network: a variant is checked
 * at startup by the rules of the URL builder, and a bad value fails startup naming its
 * property.
 *
 * @author Imgwire
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(ImgwireVariants.class)
@ConditionalOnBooleanProperty(name = "imgwire.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ImgwireVariantsProperties.class)
public final class ImgwireVariantsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ImgwireVariants imgwireVariants(ImgwireVariantsProperties properties) {
		Map<String, ImageVariant> variants = new LinkedHashMap<>();
		properties.getVariants().forEach((name, variant) -> variants.put(name, checked(name, variant)));
		return new ImgwireVariants(variants);
	}

	private static ImageVariant checked(String name, ImgwireVariantsProperties.Variant properties) {
		ImageVariant variant = new ImageVariant(properties.getPreset(), properties.getParameters(),
				properties.getWidths());
		try {
			new ImgwireVariants(Map.of(name, variant));
			return variant;
		}
		catch (IllegalArgumentException ex) {
			throw invalid("imgwire.variants." + name, properties, ex);
		}
	}

	/**
	 * Name the property behind a rejection such as
	 * {@code "variant 'card': width: 0 is out
	 * of range ..."}: the parameter as the user spelled it, the preset or the widths.
	 */
	private static InvalidConfigurationPropertyValueException invalid(String prefix,
			ImgwireVariantsProperties.Variant properties, IllegalArgumentException ex) {
		Throwable rule = (ex.getCause() instanceof IllegalArgumentException cause) ? cause : ex;
		String reason = String.valueOf(rule.getMessage());
		String subject = reason.contains(":") ? reason.substring(0, reason.indexOf(':')).strip() : "";
		if (subject.equals("preset")) {
			return new InvalidConfigurationPropertyValueException(prefix + ".preset", properties.getPreset(), reason);
		}
		if (subject.startsWith("width") && !properties.getWidths().isEmpty()
				&& !properties.getParameters().containsKey(subject)) {
			return new InvalidConfigurationPropertyValueException(prefix + ".widths", properties.getWidths(), reason);
		}
		for (Map.Entry<String, String> parameter : properties.getParameters().entrySet()) {
			String key = parameter.getKey();
			if (subject.equals(key) || reason.startsWith("'" + key + "'") || reason.startsWith("\"" + key + "\"")) {
				return new InvalidConfigurationPropertyValueException(prefix + ".parameters." + parameter.getKey(),
						parameter.getValue(), reason);
			}
		}
		return new InvalidConfigurationPropertyValueException(prefix, "(variant)", reason);
	}

}
