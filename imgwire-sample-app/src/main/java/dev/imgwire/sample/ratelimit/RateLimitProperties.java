package dev.imgwire.sample.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many upload tokens one user may create.
 *
 * @param tokensPerMinute upload tokens per user and minute; bursts up to this many are
 * allowed, then tokens come back at an even rate
 * @author Imgwire
 */
@ConfigurationProperties("sample.rate-limit")
public record RateLimitProperties(@DefaultValue("30") int tokensPerMinute) {

	public RateLimitProperties {
		if (tokensPerMinute < 1) {
			throw new IllegalArgumentException("sample.rate-limit.tokens-per-minute must be at least 1");
		}
	}

}
