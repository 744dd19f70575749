package dev.imgwire.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.imgwire.emulator.state.EmulatedCustomDomain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The custom domain API over raw HTTP: one domain per environment, and a connection test
 * that shows both the pending and the connected state.
 */
class CustomDomainApiTests {

	private static final String DOMAIN = "/api/v1/custom_domain/";

	private static final String TEST_CONNECTION = "/api/v1/custom_domain/test_connection";

	private static final String NOT_FOUND = "{\"detail\":\"Custom domain not found\",\"error_type\":\"ResourceNotFoundError\"}";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator(() -> ImgwireEmulator.builder().clock(this.clock));

	@Nested
	class Lifecycle {

		@Test
		void createReturnsTheCustomDomainSchemaAsPending() {
			HttpResponse<String> response = create("{\"hostname\":\"images.example.com\"}");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
			JsonNode domain = TestHttp.json(response);
			assertThat(domain.propertyNames()).containsExactly("id", "environment_id", "hostname", "cname_record",
					"cname_value", "dcv_cname_record", "dcv_cname_value", "certificate_status", "status",
					"last_verified_at", "created_at", "updated_at");
			String environment = emulator().environmentId().toString();
			assertThat(domain.get("id").stringValue()).matches("[0-9a-f-]{36}");
			assertThat(domain.get("environment_id").stringValue()).isEqualTo(environment);
			assertThat(domain.get("hostname").stringValue()).isEqualTo("images.example.com");
			assertThat(domain.get("cname_record").stringValue()).isEqualTo("images.example.com");
			assertThat(domain.get("cname_value").stringValue()).isEqualTo(environment + ".cdn.imgwire.dev");
			assertThat(domain.get("dcv_cname_record").stringValue()).isEqualTo("_acme-challenge.images.example.com");
			assertThat(domain.get("dcv_cname_value").stringValue())
				.isEqualTo("images.example.com." + environment.substring(0, 8) + ".dcv.imgwire.dev");
			assertThat(domain.get("certificate_status").stringValue()).isEqualTo("PENDING");
			assertThat(domain.get("status").stringValue()).isEqualTo("PENDING");
			assertThat(domain.get("last_verified_at").isNull()).isTrue();
			assertThat(domain.get("created_at").stringValue()).isEqualTo("2026-05-04T10:00:00.000Z");
			assertThat(domain.get("updated_at").stringValue()).isEqualTo("2026-05-04T10:00:00.000Z");
		}

		@Test
		void retrieveReturnsTheDomainAndStateShowsIt() {
			JsonNode created = TestHttp.json(create("{\"hostname\":\"Images.Example.COM\"}"));
			assertThat(created.get("hostname").stringValue()).as("stored in lower case")
				.isEqualTo("images.example.com");
			HttpResponse<String> response = http().get(DOMAIN, serverKey());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(TestHttp.json(response)).isEqualTo(created);
			assertThat(emulator().state().customDomain()).hasValueSatisfying((domain) -> {
				assertThat(domain.id()).hasToString(created.get("id").stringValue());
				assertThat(domain.environmentId()).isEqualTo(emulator().environmentId());
				assertThat(domain.hostname()).isEqualTo("images.example.com");
				assertThat(domain.status()).isEqualTo("PENDING");
				assertThat(domain.connectionTests()).isZero();
			});
		}

		@Test
		void firstConnectionTestStaysPendingAndTheSecondConnects() {
			create("{\"hostname\":\"images.example.com\"}");
			CustomDomainApiTests.this.clock.advance(Duration.ofMinutes(1));
			JsonNode first = TestHttp.json(testConnection());
			assertThat(first.get("status").stringValue()).isEqualTo("PENDING");
			assertThat(first.get("certificate_status").stringValue()).isEqualTo("PENDING");
			assertThat(first.get("last_verified_at").stringValue()).isEqualTo("2026-05-04T10:01:00.000Z");
			assertThat(first.get("updated_at").stringValue()).isEqualTo("2026-05-04T10:01:00.000Z");
			CustomDomainApiTests.this.clock.advance(Duration.ofMinutes(1));
			HttpResponse<String> response = testConnection();
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode second = TestHttp.json(response);
			assertThat(second.get("status").stringValue()).isEqualTo("CONNECTED");
			assertThat(second.get("certificate_status").stringValue()).isEqualTo("ACTIVE");
			assertThat(second.get("last_verified_at").stringValue()).isEqualTo("2026-05-04T10:02:00.000Z");
			assertThat(second.get("created_at").stringValue()).isEqualTo("2026-05-04T10:00:00.000Z");
			assertThat(TestHttp.json(http().get(DOMAIN, serverKey())).get("status").stringValue())
				.isEqualTo("CONNECTED");
			assertThat(emulator().state().customDomain()).get()
				.extracting(EmulatedCustomDomain::status, EmulatedCustomDomain::connectionTests)
				.containsExactly("CONNECTED", 2);
		}

		@Test
		void laterConnectionTestsStayConnected() {
			create("{\"hostname\":\"images.example.com\"}");
			testConnection();
			testConnection();
			assertThat(TestHttp.json(testConnection()).get("status").stringValue()).isEqualTo("CONNECTED");
		}

		@Test
		void testConnectionIgnoresABody() {
			create("{\"hostname\":\"images.example.com\"}");
			HttpResponse<String> response = http().postJson(TEST_CONNECTION, serverKey(), "{\"anything\":true}");
			assertThat(response.statusCode()).isEqualTo(200);
		}

		@Test
		void secondCreateConflictsAndKeepsTheFirstDomain() {
			create("{\"hostname\":\"images.example.com\"}");
			HttpResponse<String> response = create("{\"hostname\":\"cdn.example.org\"}");
			assertThat(response.statusCode()).isEqualTo(409);
			JsonNode error = TestHttp.json(response);
			assertThat(error.propertyNames()).containsExactly("detail", "error_type");
			assertThat(error.get("detail").isString()).isTrue();
			assertThat(error.get("error_type").stringValue()).isEqualTo("OperationNotAllowedError");
			assertThat(emulator().state().customDomain()).get()
				.extracting(EmulatedCustomDomain::hostname)
				.isEqualTo("images.example.com");
		}

		@Test
		void deleteAnswersADetailAndAllowsANewDomain() {
			create("{\"hostname\":\"images.example.com\"}");
			HttpResponse<String> response = http().delete(DOMAIN, serverKey());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("{\"detail\":\"Custom domain deleted\"}");
			assertThat(emulator().state().customDomain()).isEmpty();
			assertThat(http().get(DOMAIN, serverKey()).statusCode()).isEqualTo(404);
			assertThat(create("{\"hostname\":\"cdn.example.org\"}").statusCode()).isEqualTo(200);
		}

		@Test
		void resetForgetsTheDomain() {
			create("{\"hostname\":\"images.example.com\"}");
			emulator().reset();
			assertThat(emulator().state().customDomain()).isEmpty();
		}

	}

	@Nested
	class WithoutADomain {

		@Test
		void retrieveIsNotFound() {
			HttpResponse<String> response = http().get(DOMAIN, serverKey());
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).isEqualTo(NOT_FOUND);
		}

		@Test
		void deleteIsNotFound() {
			HttpResponse<String> response = http().delete(DOMAIN, serverKey());
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).isEqualTo(NOT_FOUND);
		}

		@Test
		void testConnectionIsNotFound() {
			HttpResponse<String> response = testConnection();
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).isEqualTo(NOT_FOUND);
		}

	}

	@Nested
	class Validation {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "localhost", "https://images.example.com", "images.example.com/path",
				"images.example.com:8080", "*.example.com", "images..example.com", "-images.example.com",
				"images-.example.com", "images.example.com.", "192.168.0.1", "images_cdn.example.com",
				"im ages.example.com", "\u00e9x.example.com" })
		void implausibleHostnameIsAValueErrorAtItsBodyLocation(String hostname) {
			JsonNode error = singleError(create("{\"hostname\":\"" + hostname + "\"}"));
			assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"hostname\"]");
			assertThat(error.get("type").stringValue()).isEqualTo("value_error");
			assertThat(error.get("msg").stringValue()).startsWith("Value error, ");
			assertThat(emulator().state().customDomain()).isEmpty();
		}

		@Test
		void overlongLabelAndHostnameAreRejected() {
			assertThat(create("{\"hostname\":\"" + "a".repeat(64) + ".example.com\"}").statusCode()).isEqualTo(422);
			String longest = ("a".repeat(63) + ".").repeat(3) + "a".repeat(61);
			assertThat(longest).hasSize(253);
			assertThat(create("{\"hostname\":\"" + longest + "\"}").statusCode()).isEqualTo(200);
			http().delete(DOMAIN, serverKey());
			assertThat(create("{\"hostname\":\"a" + longest + "\"}").statusCode()).isEqualTo(422);
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "images.example.com", "xn--bcher-kva.example", "a.b.c.d.example.co.uk",
				"cdn-1.example.io" })
		void plausibleHostnamesAreAccepted(String hostname) {
			assertThat(create("{\"hostname\":\"" + hostname + "\"}").statusCode()).isEqualTo(200);
		}

		@Test
		void missingEmptyAndNonStringHostnamesFollowPydantic() {
			assertThat(singleError(create("{}")).get("type").stringValue()).isEqualTo("missing");
			assertThat(singleError(create("{\"hostname\":\"\"}")).get("type").stringValue())
				.isEqualTo("string_too_short");
			assertThat(singleError(create("{\"hostname\":7}")).get("type").stringValue()).isEqualTo("string_type");
			assertThat(singleError(create("")).get("loc").toString()).isEqualTo("[\"body\"]");
		}

	}

	@Nested
	class Routing {

		@Test
		void pathWithoutTrailingSlashRedirectsToIt() {
			HttpResponse<String> response = http().get("/api/v1/custom_domain", serverKey());
			assertThat(response.statusCode()).isEqualTo(307);
			assertThat(response.headers().firstValue("Location")).hasValue(emulator().baseUrl() + DOMAIN);
		}

		@Test
		void testConnectionHasNoTrailingSlash() {
			HttpResponse<String> response = http()
				.send(http().request(TEST_CONNECTION + "/", serverKey()).POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).isEqualTo(307);
			assertThat(response.headers().firstValue("Location")).hasValue(emulator().baseUrl() + TEST_CONNECTION);
		}

		@Test
		void unsupportedMethodsAreMethodNotAllowed() {
			HttpResponse<String> patch = http()
				.send(http().request(DOMAIN, serverKey()).method("PATCH", HttpRequest.BodyPublishers.noBody()));
			assertThat(patch.statusCode()).isEqualTo(405);
			assertThat(patch.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
			HttpResponse<String> get = http().get(TEST_CONNECTION, serverKey());
			assertThat(get.statusCode()).isEqualTo(405);
			assertThat(get.headers().firstValue("Allow")).hasValue("POST");
		}

		@ParameterizedTest(name = "{0} {1}")
		@CsvSource({ "GET, " + DOMAIN, "POST, " + DOMAIN, "DELETE, " + DOMAIN, "POST, " + TEST_CONNECTION })
		void clientKeyIsNotAllowed(String method, String path) {
			HttpResponse<String> response = http().send(http().request(path, emulator().clientKey())
				.method(method, HttpRequest.BodyPublishers.ofString("{\"hostname\":\"images.example.com\"}")));
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("OperationNotAllowedError");
			assertThat(emulator().state().customDomain()).isEmpty();
		}

		@Test
		void requestWithoutKeyIsRejectedAsInvalidToken() {
			HttpResponse<String> response = http().send(http().request(DOMAIN).GET());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("InvalidTokenError");
		}

	}

	private HttpResponse<String> create(String json) {
		return http().postJson(DOMAIN, serverKey(), json);
	}

	private HttpResponse<String> testConnection() {
		return http().send(http().request(TEST_CONNECTION, serverKey()).POST(HttpRequest.BodyPublishers.noBody()));
	}

	private static JsonNode singleError(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		JsonNode detail = TestHttp.json(response).get("detail");
		assertThat(detail.size()).as(response.body()).isEqualTo(1);
		return detail.get(0);
	}

	private ImgwireEmulator emulator() {
		return this.running.emulator();
	}

	private TestHttp http() {
		return this.running.http();
	}

	private String serverKey() {
		return emulator().serverKey();
	}

}
