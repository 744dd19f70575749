package dev.imgwire.emulator.routes.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * CORS-origin pattern matching, case by case.
 */
class OriginPatternTests {

	@ParameterizedTest(name = "{0} ~ {1} -> {2}")
	@CsvSource({ "https://app.example.com, https://app.example.com, true",
			"https://app.example.com/, https://APP.example.com, true",
			"' https://app.example.com ', https://app.example.com/, true",
			"https://app.example.com, http://app.example.com, false",
			"https://app.example.com, https://app.example.com:443, false",
			"http://localhost:3000, http://localhost:3000, true", "http://localhost:3000, http://localhost:3001, false",
			"*, https://anything.example, true", "*, null, true", "https://*.example.com, https://a.example.com, true",
			"https://*.example.com, https://a.b-c.example.com, true",
			"https://*.example.com, https://example.com, false", "https://*.example.com, https://.example.com, false",
			"https://*.example.com, https://a.example.com:8443, false",
			"https://*.example.com, https://evil.com/.example.com, false",
			"https://*.example.com, https://a.example.com.evil.net, false",
			"https://*.example.com, http://a.example.com, false", "http://localhost:*, http://localhost:5173, true",
			"http://localhost:*, http://localhost, false", "https://*.*.example.com, https://a.b.example.com, true",
			"https://*.*.example.com, https://a.example.com, false",
			"https://app-*.example.com, https://app-pr-12.example.com, true",
			"https://app-*.example.com, https://app-.example.com, false" })
	void matches(String pattern, String origin, boolean expected) {
		assertThat(OriginPattern.matches(pattern, origin)).isEqualTo(expected);
	}

	@Test
	void hostilePatternCostsPolynomialWork() {
		String pattern = "https://" + "*a".repeat(2_000) + "b";
		String origin = "https://" + "a".repeat(8_000);
		boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> OriginPattern.matches(pattern, origin));
		assertThat(matched).isFalse();
	}

}
