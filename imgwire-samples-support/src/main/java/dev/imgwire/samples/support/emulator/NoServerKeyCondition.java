package dev.imgwire.samples.support.emulator;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

import dev.imgwire.spring.boot.autoconfigure.ImgwireProperties;
import dev.imgwire.spring.boot.autoconfigure.PropertiesImgwireConnectionDetails;

/**
 * Matches when no Imgwire Server Key is configured, neither as {@code imgwire.server-key}
 * (in any relaxed form, such as {@code IMGWIRE_SERVER_KEY}) nor as
 * {@code IMGWIRE_API_KEY}: the two places {@link PropertiesImgwireConnectionDetails}
 * reads the key from. Then a sample runs against an embedded emulator instead of failing
 * at startup.
 *
 * @author Imgwire
 */
public final class NoServerKeyCondition extends SpringBootCondition {

	static final String SERVER_KEY_PROPERTY = ImgwireProperties.PREFIX + ".server-key";

	static final String API_KEY_VARIABLE = PropertiesImgwireConnectionDetails.API_KEY_ENVIRONMENT_VARIABLE;

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty(SERVER_KEY_PROPERTY))) {
			return ConditionOutcome.noMatch(SERVER_KEY_PROPERTY + " is set");
		}
		if (StringUtils.hasText(environment.getProperty(API_KEY_VARIABLE))) {
			return ConditionOutcome.noMatch(API_KEY_VARIABLE + " is set");
		}
		return ConditionOutcome.match("neither " + SERVER_KEY_PROPERTY + " nor " + API_KEY_VARIABLE + " is set");
	}

}
