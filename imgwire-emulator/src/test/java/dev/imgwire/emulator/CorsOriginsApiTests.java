package dev.imgwire.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import dev.imgwire.emulator.state.EmulatedCorsOrigin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CORS origins API over raw HTTP, and the origins it stores deciding which browsers
 * may upload.
 */
class CorsOriginsApiTests {

	private static final String COLLECTION = "/api/v1/cors_origins/";

	private static final String UNKNOWN_ID = "2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f";

	private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

	private static final String APP = "https://app.example.com";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator(() -> ImgwireEmulator.builder().clock(this.clock));

	@Nested
	class WireFormat {

		@Test
		void createReturnsTheCorsOriginSchema() {
			HttpResponse<String> response = create("{\"pattern\":\"https://app.example.com\"}");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
			JsonNode origin = TestHttp.json(response);
			assertThat(origin.propertyNames()).containsExactly("id", "environment_id", "pattern", "created_at",
					"updated_at");
			assertThat(origin.get("id").stringValue()).matches("[0-9a-f-]{36}");
			assertThat(origin.get("environment_id").stringValue()).isEqualTo(emulator().environmentId().toString());
			assertThat(origin.get("pattern").stringValue()).isEqualTo("https://app.example.com");
			assertThat(origin.get("created_at").stringValue()).isEqualTo("2026-05-04T10:00:00.000Z");
			assertThat(origin.get("updated_at").stringValue()).matches(TIMESTAMP);
			assertThat(emulator().state().corsOrigins()).singleElement().satisfies((stored) -> {
				assertThat(stored.id()).hasToString(origin.get("id").stringValue());
				assertThat(stored.environmentId()).isEqualTo(emulator().environmentId());
				assertThat(stored.pattern()).isEqualTo("https://app.example.com");
			});
		}

		@Test
		void retrieveReturnsTheStoredOrigin() {
			JsonNode created = TestHttp.json(create("{\"pattern\":\"https://a.example\"}"));
			HttpResponse<String> response = http().get(COLLECTION + created.get("id").stringValue(), serverKey());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(TestHttp.json(response)).isEqualTo(created);
		}

		@Test
		void updateReplacesThePatternAndTouchesUpdatedAtOnly() {
			String id = TestHttp.json(create("{\"pattern\":\"https://a.example\"}")).get("id").stringValue();
			CorsOriginsApiTests.this.clock.advance(Duration.ofMinutes(5));
			HttpResponse<String> response = http().patchJson(COLLECTION + id, serverKey(),
					"{\"pattern\":\"https://b.example\"}");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode updated = TestHttp.json(response);
			assertThat(updated.get("id").stringValue()).isEqualTo(id);
			assertThat(updated.get("pattern").stringValue()).isEqualTo("https://b.example");
			assertThat(updated.get("created_at").stringValue()).isEqualTo("2026-05-04T10:00:00.000Z");
			assertThat(updated.get("updated_at").stringValue()).isEqualTo("2026-05-04T10:05:00.000Z");
			assertThat(emulator().state().corsOrigins()).extracting(EmulatedCorsOrigin::pattern)
				.containsExactly("https://b.example");
		}

		@Test
		void deleteAnswersAMapOfStringsAndForgetsTheOrigin() {
			String id = TestHttp.json(create("{\"pattern\":\"https://a.example\"}")).get("id").stringValue();
			HttpResponse<String> response = http().delete(COLLECTION + id, serverKey());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body())
				.isEqualTo("{\"detail\":\"CORS origin deleted\",\"cors_origin_id\":\"" + id + "\"}");
			assertThat(http().get(COLLECTION + id, serverKey()).statusCode()).isEqualTo(404);
			assertThat(emulator().state().corsOrigins()).isEmpty();
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource({ "GET", "PATCH", "DELETE" })
		void unknownIdIsNotFoundWithErrorType(String method) {
			HttpResponse<String> response = http().send(http().request(COLLECTION + UNKNOWN_ID, serverKey())
				.method(method, HttpRequest.BodyPublishers.ofString("{\"pattern\":\"https://a.example\"}")));
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body())
				.isEqualTo("{\"detail\":\"CORS origin not found\",\"error_type\":\"ResourceNotFoundError\"}");
		}

		@Test
		void malformedIdIsAValidationErrorAtItsPathLocation() {
			HttpResponse<String> response = http().get(COLLECTION + "not-a-uuid", serverKey());
			assertThat(response.statusCode()).isEqualTo(422);
			JsonNode error = TestHttp.json(response).get("detail").get(0);
			assertThat(error.get("loc").toString()).isEqualTo("[\"path\",\"cors_origin_id\"]");
			assertThat(error.get("type").stringValue()).isEqualTo("uuid_parsing");
		}

	}

	@Nested
	class Validation {

		@Test
		void missingPatternIsReportedAtItsBodyLocation() {
			JsonNode error = singleError(create("{}"));
			assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"pattern\"]");
			assertThat(error.get("type").stringValue()).isEqualTo("missing");
		}

		@Test
		void emptyPatternIsTooShort() {
			JsonNode error = singleError(create("{\"pattern\":\"\"}"));
			assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"pattern\"]");
			assertThat(error.get("type").stringValue()).isEqualTo("string_too_short");
		}

		@Test
		void nonStringPatternIsAStringTypeError() {
			assertThat(singleError(create("{\"pattern\":42}")).get("type").stringValue()).isEqualTo("string_type");
			assertThat(singleError(create("{\"pattern\":null}")).get("type").stringValue()).isEqualTo("string_type");
		}

		@Test
		void missingOrMalformedBodyIsRejected() {
			assertThat(singleError(create("")).get("loc").toString()).isEqualTo("[\"body\"]");
			assertThat(singleError(create("[\"https://a.example\"]")).get("type").stringValue())
				.isEqualTo("model_attributes_type");
			assertThat(singleError(create("{\"pattern\":")).get("type").stringValue()).isEqualTo("json_invalid");
		}

		@Test
		void updateRequiresAPatternToo() {
			String id = TestHttp.json(create("{\"pattern\":\"https://a.example\"}")).get("id").stringValue();
			HttpResponse<String> response = http().patchJson(COLLECTION + id, serverKey(), "{}");
			assertThat(singleError(response).get("loc").toString()).isEqualTo("[\"body\",\"pattern\"]");
			assertThat(emulator().state().corsOrigins()).extracting(EmulatedCorsOrigin::pattern)
				.containsExactly("https://a.example");
		}

		@Test
		void rejectedCreateStoresNothing() {
			create("{\"pattern\":\"\"}");
			assertThat(emulator().state().corsOrigins()).isEmpty();
		}

	}

	@Nested
	class Listing {

		@Test
		void listReturnsABareArrayInCreationOrderWithPaginationHeaders() {
			List<String> ids = List.of(id(create("{\"pattern\":\"https://a.example\"}")),
					id(create("{\"pattern\":\"https://b.example\"}")),
					id(create("{\"pattern\":\"https://c.example\"}")));
			HttpResponse<String> first = http().get(COLLECTION + "?page=1&limit=2", serverKey());
			assertThat(first.statusCode()).isEqualTo(200);
			assertThat(TestHttp.json(first).values()).extracting((origin) -> origin.get("id").stringValue())
				.containsExactly(ids.get(0), ids.get(1));
			assertThat(TestHttp.json(first).get(0).propertyNames()).containsExactly("id", "environment_id", "pattern",
					"created_at", "updated_at");
			assertThat(first.headers().firstValue("X-Total-Count")).hasValue("3");
			assertThat(first.headers().firstValue("X-Page")).hasValue("1");
			assertThat(first.headers().firstValue("X-Limit")).hasValue("2");
			assertThat(first.headers().firstValue("X-Prev-Page")).hasValue("null");
			assertThat(first.headers().firstValue("X-Next-Page")).hasValue("2");
			HttpResponse<String> second = http().get(COLLECTION + "?page=2&limit=2", serverKey());
			assertThat(TestHttp.json(second).values()).extracting((origin) -> origin.get("id").stringValue())
				.containsExactly(ids.get(2));
			assertThat(second.headers().firstValue("X-Prev-Page")).hasValue("1");
			assertThat(second.headers().firstValue("X-Next-Page")).hasValue("null");
		}

		@Test
		void emptyListDefaultsToTheFirstPageOfTwenty() {
			HttpResponse<String> response = http().get(COLLECTION, serverKey());
			assertThat(response.body()).isEqualTo("[]");
			assertThat(response.headers().firstValue("X-Total-Count")).hasValue("0");
			assertThat(response.headers().firstValue("X-Page")).hasValue("1");
			assertThat(response.headers().firstValue("X-Limit")).hasValue("20");
			assertThat(response.headers().firstValue("X-Next-Page")).hasValue("null");
		}

		@Test
		void badPageAndLimitAreValidationErrorsInTheQuery() {
			HttpResponse<String> response = http().get(COLLECTION + "?page=0&limit=101", serverKey());
			assertThat(response.statusCode()).isEqualTo(422);
			assertThat(TestHttp.json(response).get("detail").values())
				.extracting((error) -> error.get("loc").toString())
				.containsExactly("[\"query\",\"page\"]", "[\"query\",\"limit\"]");
		}

		@Test
		void collectionPathWithoutTrailingSlashRedirectsToIt() {
			HttpResponse<String> response = http().get("/api/v1/cors_origins?limit=5", serverKey());
			assertThat(response.statusCode()).isEqualTo(307);
			assertThat(response.headers().firstValue("Location"))
				.hasValue(emulator().baseUrl() + "/api/v1/cors_origins/?limit=5");
			HttpResponse<String> post = http().postJson("/api/v1/cors_origins", serverKey(),
					"{\"pattern\":\"https://a.example\"}");
			assertThat(post.statusCode()).isEqualTo(307);
			assertThat(emulator().state().corsOrigins()).isEmpty();
		}

		@Test
		void unsupportedMethodOnTheCollectionIsMethodNotAllowed() {
			HttpResponse<String> response = http()
				.send(http().request(COLLECTION, serverKey()).method("PUT", HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).isEqualTo(405);
			assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
		}

	}

	@Nested
	class Authentication {

		@ParameterizedTest(name = "{0} {1}")
		@CsvSource({ "GET, " + COLLECTION, "POST, " + COLLECTION, "GET, " + COLLECTION + UNKNOWN_ID,
				"PATCH, " + COLLECTION + UNKNOWN_ID, "DELETE, " + COLLECTION + UNKNOWN_ID })
		void clientKeyIsNotAllowed(String method, String path) {
			HttpResponse<String> response = http().send(http().request(path, emulator().clientKey())
				.method(method, HttpRequest.BodyPublishers.ofString("{\"pattern\":\"*\"}")));
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body()).isEqualTo(
					"{\"detail\":\"Client keys cannot perform this operation; use a server key\",\"error_type\":\"OperationNotAllowedError\"}");
			assertThat(emulator().state().corsOrigins()).isEmpty();
		}

		@Test
		void requestWithoutKeyIsRejectedAsInvalidToken() {
			HttpResponse<String> response = http().send(http().request(COLLECTION).GET());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("InvalidTokenError");
		}

	}

	@Nested
	class Seeding {

		@Test
		void builderOriginsAreListedAsRecordsOfTheEnvironment() {
			try (ImgwireEmulator emulator = ImgwireEmulator.builder()
				.allowedOrigins(List.of(APP, "https://*.example.org"))
				.start()) {
				HttpResponse<String> response = new TestHttp(emulator).get(COLLECTION, emulator.serverKey());
				assertThat(TestHttp.json(response).values()).extracting((origin) -> origin.get("pattern").stringValue())
					.containsExactly(APP, "https://*.example.org");
				assertThat(TestHttp.json(response).get(0).get("environment_id").stringValue())
					.isEqualTo(emulator.environmentId().toString());
			}
		}

		@Test
		void allowedOriginsOptionSeedsRecords() {
			try (ImgwireEmulator emulator = LaunchArguments
				.parse("--port=0", "--allowed-origins=https://a.example, https://b.example")
				.builder()
				.start()) {
				assertThat(emulator.state().corsOrigins()).extracting(EmulatedCorsOrigin::pattern)
					.containsExactly("https://a.example", "https://b.example");
			}
		}

		@Test
		void resetDropsCreatedOriginsAndRestoresTheSeededOnes() {
			try (ImgwireEmulator emulator = ImgwireEmulator.builder().allowedOrigins(List.of(APP)).start()) {
				TestHttp http = new TestHttp(emulator);
				String seeded = emulator.state().corsOrigins().get(0).id().toString();
				http.delete(COLLECTION + seeded, emulator.serverKey());
				http.postJson(COLLECTION, emulator.serverKey(), "{\"pattern\":\"https://other.example\"}");
				emulator.reset();
				assertThat(emulator.state().corsOrigins()).extracting(EmulatedCorsOrigin::pattern).containsExactly(APP);
			}
		}

	}

	@Nested
	class Enforcement {

		@Test
		void anyOriginIsAllowedWhileThereAreNoCorsOrigins() {
			assertThat(
					http().preflight("/api/v1/images/standard_upload", "https://anywhere.example", "POST").statusCode())
				.isEqualTo(200);
			assertThat(clientUpload("https://anywhere.example").statusCode()).isEqualTo(200);
		}

		@Test
		void createdPatternAllowsItsOriginAndForbidsOthers() {
			create("{\"pattern\":\"" + APP + "\"}");
			HttpResponse<String> preflight = http().preflight("/api/v1/images/standard_upload", APP, "POST");
			assertThat(preflight.statusCode()).isEqualTo(200);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
			HttpResponse<String> upload = clientUpload(APP);
			assertThat(upload.statusCode()).isEqualTo(200);
			assertThat(upload.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
			HttpResponse<String> evilPreflight = http().preflight("/api/v1/images/standard_upload",
					"https://evil.example.com", "POST");
			assertThat(evilPreflight.statusCode()).isEqualTo(403);
			assertThat(evilPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
			HttpResponse<String> evilUpload = clientUpload("https://evil.example.com");
			assertThat(evilUpload.statusCode()).isEqualTo(403);
			assertThat(evilUpload.body())
				.isEqualTo("{\"detail\":\"Origin not allowed\",\"error_type\":\"ResourceNotAuthorizedError\"}");
		}

		@Test
		void originsCompareCaseInsensitivelyAndIgnoreATrailingSlash() {
			create("{\"pattern\":\"HTTPS://App.Example.com/\"}");
			assertThat(clientUpload(APP).statusCode()).isEqualTo(200);
			assertThat(clientUpload("https://app.example.com:8443").statusCode()).isEqualTo(403);
			assertThat(clientUpload("http://app.example.com").statusCode()).isEqualTo(403);
		}

		@Test
		void wildcardPatternAllowsSubdomainsButNotTheApex() {
			create("{\"pattern\":\"https://*.example.com\"}");
			assertThat(clientUpload("https://app.example.com").statusCode()).isEqualTo(200);
			assertThat(clientUpload("https://a.b.example.com").statusCode()).isEqualTo(200);
			assertThat(clientUpload("https://example.com").statusCode()).isEqualTo(403);
			assertThat(clientUpload("https://app.example.com.evil.net").statusCode()).isEqualTo(403);
			assertThat(clientUpload("http://app.example.com").statusCode()).isEqualTo(403);
		}

		@Test
		void bareWildcardAllowsEveryOrigin() {
			create("{\"pattern\":\"https://only.example\"}");
			create("{\"pattern\":\"*\"}");
			assertThat(clientUpload("https://anything.example").statusCode()).isEqualTo(200);
		}

		@Test
		void deletingAnOriginTakesEffectOnTheNextRequest() {
			String app = id(create("{\"pattern\":\"" + APP + "\"}"));
			String other = id(create("{\"pattern\":\"https://other.example\"}"));
			assertThat(clientUpload(APP).statusCode()).isEqualTo(200);
			http().delete(COLLECTION + app, serverKey());
			assertThat(clientUpload(APP).statusCode()).isEqualTo(403);
			assertThat(http().preflight("/api/v1/images/standard_upload", APP, "POST").statusCode()).isEqualTo(403);
			http().delete(COLLECTION + other, serverKey());
			assertThat(clientUpload(APP).statusCode()).as("no CORS origins left: any origin").isEqualTo(200);
		}

		@Test
		void updatingAnOriginMovesTheAllowance() {
			String id = id(create("{\"pattern\":\"" + APP + "\"}"));
			http().patchJson(COLLECTION + id, serverKey(), "{\"pattern\":\"https://new.example.com\"}");
			assertThat(clientUpload(APP).statusCode()).isEqualTo(403);
			assertThat(clientUpload("https://new.example.com").statusCode()).isEqualTo(200);
		}

		@Test
		void presignedPutAndCdnPreflightsFollowTheLiveOrigins() {
			JsonNode created = http().createUpload("{\"file_name\":\"a.png\"}");
			String uploadUrl = created.get("upload_url").stringValue();
			String cdnUrl = created.get("image").get("cdn_url").stringValue();
			create("{\"pattern\":\"" + APP + "\"}");
			assertThat(http().preflight(uploadUrl, APP, "PUT").statusCode()).isEqualTo(200);
			assertThat(http().preflight(cdnUrl, APP, "GET").statusCode()).isEqualTo(200);
			assertThat(http().preflight(uploadUrl, "https://evil.example.com", "PUT").statusCode()).isEqualTo(403);
			assertThat(http().preflight(cdnUrl, "https://evil.example.com", "GET").statusCode()).isEqualTo(403);
		}

		private HttpResponse<String> clientUpload(String origin) {
			return http().send(http().request("/api/v1/images/standard_upload", emulator().clientKey())
				.header("Origin", origin)
				.POST(HttpRequest.BodyPublishers.ofString("{\"file_name\":\"a.png\"}")));
		}

	}

	private HttpResponse<String> create(String json) {
		return http().postJson(COLLECTION, serverKey(), json);
	}

	private static String id(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return TestHttp.json(response).get("id").stringValue();
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
