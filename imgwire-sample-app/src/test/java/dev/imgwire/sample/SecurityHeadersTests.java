package dev.imgwire.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.sample.security.ContentSecurityPolicy;
import dev.imgwire.sample.security.ContentSecurityPolicyProperties;
import dev.imgwire.sample.support.SampleAppClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Content-Security-Policy and the other security headers of every answer, and the
 * pages' needing nothing the policy forbids. That a real browser meets no violation
 * during login, upload and gallery is checked by the browser tests.
 *
 * @author Imgwire
 */
// The same settings as UploadTokenEndpointTests, so the two share one application
// context.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.security.password=token-test-password", "sample.emulator.processing-delay=100ms",
				"sample.rate-limit.tokens-per-minute=1000" })
class SecurityHeadersTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ImgwireEmulator emulator;

	@Nested
	class WithTheEmbeddedEmulator {

		@Test
		void everyPageScriptAndApiAnswerAllowsOnlyThisAppAndTheEmulatorsOrigin() {
			URI emulator = URI.create(SecurityHeadersTests.this.emulator.baseUrl());
			String emulatorOrigin = emulator.getScheme() + "://" + emulator.getHost() + ":" + emulator.getPort();
			String expected = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' "
					+ emulatorOrigin + "; connect-src 'self' " + emulatorOrigin
					+ "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

			assertThat(answers()).allSatisfy(
					(path, response) -> assertThat(response.headers().allValues("Content-Security-Policy")).as(path)
						.containsExactly(expected));
		}

		@Test
		void everyAnswerKeepsSpringSecuritysOtherHeaders() {
			assertThat(answers()).allSatisfy((path, response) -> {
				assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
				assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
				assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
					.hasValue("strict-origin-when-cross-origin");
				assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).as(path)
					.hasValue("same-origin");
				assertThat(response.headers().firstValue("Cache-Control")).as(path)
					.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
			});
		}

		// Pages, scripts, the API (answers and refusals) and the actuator.
		private Map<String, HttpResponse<String>> answers() {
			SampleAppClient anonymous = new SampleAppClient(SecurityHeadersTests.this.port);
			SampleAppClient user = new SampleAppClient(SecurityHeadersTests.this.port).login("demo",
					"token-test-password");
			Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
			answers.put("login page", anonymous.get("/login"));
			answers.put("login script", anonymous.get("/js/login.js"));
			answers.put("anonymous API call", anonymous.get("/api/images"));
			answers.put("CSRF token", anonymous.get("/api/csrf"));
			answers.put("upload page", user.get("/"));
			answers.put("shared style sheet", anonymous.get("/css/samples.css"));
			answers.put("style sheet", user.get("/css/app.css"));
			answers.put("gallery API", user.get("/api/images"));
			answers.put("upload token", user.postJson("/api/upload-tokens", ""));
			answers.put("missing page", user.get("/no-such-page"));
			answers.put("health", anonymous.get("/actuator/health"));
			assertThat(answers.get("login page").statusCode()).isEqualTo(200);
			assertThat(answers.get("anonymous API call").statusCode()).isEqualTo(401);
			assertThat(answers.get("shared style sheet").statusCode()).isEqualTo(200);
			assertThat(answers.get("upload page").statusCode()).isEqualTo(200);
			assertThat(answers.get("upload token").statusCode()).isEqualTo(200);
			return answers;
		}

	}

	@Nested
	class WithTheRealApi {

		@Test
		void imagesComeFromImgwiresCdnAndRequestsGoToTheApiByDefault() {
			ContentSecurityPolicyProperties defaults = new Binder(new MapConfigurationPropertySource())
				.bindOrCreate("sample.security.csp", ContentSecurityPolicyProperties.class);

			ContentSecurityPolicy policy = ContentSecurityPolicy.of("https://api.imgwire.dev", defaults.cdnOrigins(),
					defaults.uploadOrigins());

			assertThat(policy.directives()).isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; "
					+ "img-src 'self' https://cdn.imgwire.dev; connect-src 'self' https://api.imgwire.dev; "
					+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
		}

		@Test
		void configuredCdnAndUploadOriginsAreAllowedAsOriginsOnly() {
			ContentSecurityPolicy policy = ContentSecurityPolicy.of("https://imgwire-proxy.example.com:8443/api/",
					List.of("https://cdn.imgwire.dev", "https://IMAGES.example.com/"),
					List.of("https://uploads.example.net/bucket"));

			assertThat(policy.directives())
				.contains("; img-src 'self' https://cdn.imgwire.dev https://images.example.com; ")
				.contains("; connect-src 'self' https://imgwire-proxy.example.com:8443 https://uploads.example.net; ");
		}

		@Test
		void anythingButAnHttpOrHttpsOriginIsRefusedSoNoSettingCanWidenThePolicy() {
			for (String origin : List.of("https://cdn.example.com; script-src *", "'unsafe-inline'", "*", "data:",
					"javascript:alert(1)", "https://user:secret@cdn.example.com", "https://cdn.example.com/?x=1",
					"cdn.example.com")) {
				assertThatIllegalArgumentException().as(origin)
					.isThrownBy(() -> ContentSecurityPolicy.of("https://api.imgwire.dev", List.of(origin), List.of()))
					.withMessageContaining("sample.security.csp.cdn-origins");
			}
		}

	}

	@Nested
	class Pages {

		@Test
		void haveNoInlineScriptStyleOrEventHandler() {
			for (String page : List.of("static/index.html", "static/login.html")) {
				String html = read(page);
				assertThat(html).as(page)
					.doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
					.doesNotContainPattern("<style\\b")
					.doesNotContainPattern("\\sstyle\\s*=")
					.doesNotContainPattern("\\son[a-z]+\\s*=")
					.doesNotContainIgnoringCase("javascript:");
			}
		}

		@Test
		void scriptsSetNoStyleAttributeAndEvaluateNoStrings() throws IOException {
			Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:static/js/*.js");
			assertThat(scripts).hasSizeGreaterThanOrEqualTo(6);
			for (Resource script : scripts) {
				assertThat(script.getContentAsString(StandardCharsets.UTF_8)).as(script.getFilename())
					.doesNotContainPattern("setAttribute\\(\\s*['\"]style")
					.doesNotContainPattern("\\beval\\(")
					.doesNotContainPattern("new Function\\(");
			}
		}

		private static String read(String path) {
			try {
				return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
