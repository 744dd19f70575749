package dev.imgwire.sample.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests that make Imgwire create something on the account (upload tokens, URL
 * imports, download jobs) one user may send.
 *
 * @param tokensPerMinute such requests per user and minute, all three kinds counted
 * together; bursts up to this many are allowed, then tokens come back at an even rate
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
