package dev.imgwire.client.internal.http;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.web.util.DefaultUriBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached templates expand to exactly the URI {@code WebClient}'s factory builds, whatever
 * the base URL and the values.
 */
class UriTemplatesTests {

	private static final List<String> VALUES = List.of("3f2c1d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f", "plain", "", "a b",
			"a+b", "a&b=c", "a/b", "a?b#c", "%41", "~tilde._-", "é ü 日本", "{braces}", "semi;colon", "100%", "emoji 😀",
			"\u0000");

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "https://api.imgwire.dev", "https://proxy.example/imgwire",
			"https://proxy.example/a%20b/c", "http://[::1]:9000/x", "https://host.example/with+plus/and;semi" })
	void expansionsMatchTheFactory(String baseUrl) {
		DefaultUriBuilderFactory factory = new DefaultUriBuilderFactory(baseUrl);
		UriTemplates templates = new UriTemplates(new DefaultUriBuilderFactory(baseUrl));
		for (String value : VALUES) {
			for (String other : VALUES) {
				assertThat(templates.expand("/api/v1/images/{image_id}", value))
					.isEqualTo(factory.expand("/api/v1/images/{image_id}", value));
				assertThat(templates.expand("/api/v1/images/?page={page}&limit={limit}", value, other))
					.isEqualTo(factory.expand("/api/v1/images/?page={page}&limit={limit}", value, other));
				assertThat(
						templates.expand("/api/v1/metrics/stats?interval={interval}&date_start={date_start}", 7, other))
					.isEqualTo(factory.expand("/api/v1/metrics/stats?interval={interval}&date_start={date_start}", 7,
							other));
			}
			assertThat(templates.expand("/api/v1/images/")).isEqualTo(factory.expand("/api/v1/images/"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "https://proxy.example/imgwire" })
	void theCacheKeepsOneRenderingPerTemplate(String baseUrl) {
		UriTemplates templates = new UriTemplates(new DefaultUriBuilderFactory(baseUrl));
		assertThat(templates.expand("/a/{x}/b/{y}", "1", "2")).hasToString(baseUrl + "/a/1/b/2");
		assertThat(templates.expand("/a/{x}/b/{y}", "3", "4")).hasToString(baseUrl + "/a/3/b/4");
		assertThat(templates.expand("/a/{x}/b/{y}", "x y", "ü")).hasToString(baseUrl + "/a/x%20y/b/%C3%BC");
	}

}
