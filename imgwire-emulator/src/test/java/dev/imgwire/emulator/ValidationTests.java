package dev.imgwire.emulator;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 422 responses in FastAPI's {@code {"detail":[{"loc","msg","type"}]}} shape.
 */
class ValidationTests {

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@Test
	void missingFileNameIsReportedAtItsBodyLocation() {
		JsonNode error = singleError(upload("{\"mime_type\":\"image/png\"}"));
		assertThat(error.propertyNames()).containsExactly("loc", "msg", "type");
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"file_name\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("missing");
		assertThat(error.get("msg").stringValue()).isEqualTo("Field required");
	}

	@Test
	void emptyFileNameIsTooShort() {
		JsonNode error = singleError(upload("{\"file_name\":\"\"}"));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"file_name\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("string_too_short");
	}

	@Test
	void malformedJsonIsAJsonDecodeError() {
		JsonNode error = singleError(upload("{\"file_name\":"));
		assertThat(error.get("loc").get(0).stringValue()).isEqualTo("body");
		assertThat(error.get("type").stringValue()).isEqualTo("json_invalid");
	}

	@Test
	void missingBodyIsReported() {
		JsonNode error = singleError(upload(""));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("missing");
	}

	@Test
	void unsupportedMimeTypeIsAnEnumError() {
		JsonNode error = singleError(upload("{\"file_name\":\"a.svg\",\"mime_type\":\"image/svg+xml\"}"));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"mime_type\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("enum");
		assertThat(error.get("msg").stringValue()).contains("'image/jpeg'").contains("'image/tiff'");
	}

	@Test
	void everySupportedMimeTypeIsAccepted() {
		for (String mimeType : new String[] { "image/jpeg", "image/jxl", "image/png", "image/webp", "image/avif",
				"image/gif", "image/vnd.microsoft.icon", "image/heic", "image/bmp", "image/tiff" }) {
			HttpResponse<String> response = upload("{\"file_name\":\"f\",\"mime_type\":\"" + mimeType + "\"}");
			assertThat(response.statusCode()).as(mimeType).isEqualTo(200);
		}
	}

	@Test
	void negativeContentLengthIsRejected() {
		JsonNode error = singleError(upload("{\"file_name\":\"a.png\",\"content_length\":-1}"));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"content_length\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("greater_than_equal");
	}

	@Test
	void nonIntegerContentLengthIsRejected() {
		JsonNode error = singleError(upload("{\"file_name\":\"a.png\",\"content_length\":1.5}"));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"content_length\"]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e30", "9223372036854775808", "1e19", "99999999999999999999999999999999" })
	void contentLengthBeyondA64BitIntegerIsRejected(String number) {
		JsonNode error = singleError(upload("{\"file_name\":\"a.png\",\"content_length\":" + number + "}"));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"content_length\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("less_than_equal");
		assertThat(this.running.emulator().state().images()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.5", "1e-3", "1234.25" })
	void contentLengthWithAFractionIsRejected(String number) {
		JsonNode error = singleError(upload("{\"file_name\":\"a.png\",\"content_length\":" + number + "}"));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"content_length\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("int_from_float");
	}

	@Test
	void contentLengthAsAWholeFloatIsTakenExactly() {
		HttpResponse<String> response = upload("{\"file_name\":\"a.png\",\"content_length\":2.0e3}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(TestHttp.json(response).get("image").get("size_bytes").longValue()).isEqualTo(2000);
		JsonNode negative = singleError(upload("{\"file_name\":\"a.png\",\"content_length\":-1e30}"));
		assertThat(negative.get("type").stringValue()).isEqualTo("greater_than_equal");
	}

	@Test
	void stringFieldsLongerThan255CharactersAreRejected() {
		String longKey = "k".repeat(256);
		JsonNode error = singleError(upload("{\"file_name\":\"a.png\",\"idempotency_key\":\"" + longKey + "\"}"));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"idempotency_key\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("string_too_long");
	}

	@Test
	void emptyPurposeAndHashAreRejected() {
		HttpResponse<String> response = upload("{\"file_name\":\"a.png\",\"purpose\":\"\",\"hash_sha256\":\"\"}");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(TestHttp.json(response).get("detail").values()).extracting((error) -> error.get("loc").toString())
			.containsExactly("[\"body\",\"hash_sha256\"]", "[\"body\",\"purpose\"]");
	}

	@Test
	void nonScalarCustomMetadataValuesAreRejected() {
		HttpResponse<String> response = upload(
				"{\"file_name\":\"a.png\",\"custom_metadata\":{\"ok\":1,\"nested\":{\"a\":1},\"list\":[1],\"none\":null}}");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(TestHttp.json(response).get("detail").values())
			.extracting((error) -> error.get("loc").get(2).stringValue())
			.contains("nested", "list", "none")
			.doesNotContain("ok");
	}

	@Test
	void customMetadataMustBeAnObject() {
		JsonNode error = singleError(upload("{\"file_name\":\"a.png\",\"custom_metadata\":null}"));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"custom_metadata\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("dict_type");
	}

	@Test
	void nullOptionalFieldsAreTreatedAsAbsent() {
		HttpResponse<String> response = upload(
				"{\"file_name\":\"a.png\",\"mime_type\":null,\"content_length\":null,\"idempotency_key\":null}");
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void fileNameWithoutKnownExtensionNeedsAMimeType() {
		JsonNode error = singleError(upload("{\"file_name\":\"upload\"}"));
		assertThat(error.get("loc").toString()).isEqualTo("[\"body\",\"mime_type\"]");
	}

	@Test
	void everyBodyProblemIsReportedAtOnce() {
		HttpResponse<String> response = upload("{\"mime_type\":\"text/plain\",\"content_length\":-5}");
		assertThat(TestHttp.json(response).get("detail").size()).isEqualTo(3);
	}

	@Test
	void pageBelowOneAndLimitAboveHundredAreRejected() {
		HttpResponse<String> response = this.running.http()
			.get("/api/v1/images/?page=0&limit=101", this.running.emulator().serverKey());
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(TestHttp.json(response).get("detail").values())
			.extracting((error) -> error.get("loc").toString() + " " + error.get("type").stringValue())
			.containsExactly("[\"query\",\"page\"] greater_than_equal", "[\"query\",\"limit\"] less_than_equal");
	}

	@Test
	void nonNumericPageIsRejected() {
		JsonNode error = singleError(
				this.running.http().get("/api/v1/images/?page=two", this.running.emulator().serverKey()));
		assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"page\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("int_parsing");
	}

	@Test
	void nonUuidImageIdIsRejectedAtItsPathLocation() {
		JsonNode error = singleError(
				this.running.http().get("/api/v1/images/not-a-uuid", this.running.emulator().serverKey()));
		assertThat(error.get("loc").toString()).isEqualTo("[\"path\",\"image_id\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("uuid_parsing");
	}

	@Test
	void imageIdsMustBeANonEmptyListOfUuids() {
		JsonNode empty = singleError(this.running.http()
			.postJson("/api/v1/images/bulk_delete", this.running.emulator().serverKey(), "{\"image_ids\":[]}"));
		assertThat(empty.get("type").stringValue()).isEqualTo("too_short");
		JsonNode malformed = singleError(this.running.http()
			.postJson("/api/v1/images/downloads", this.running.emulator().serverKey(), "{\"image_ids\":[\"nope\"]}"));
		assertThat(malformed.get("loc").toString()).isEqualTo("[\"body\",\"image_ids\",0]");
		JsonNode missing = singleError(
				this.running.http().postJson("/api/v1/images/downloads", this.running.emulator().serverKey(), "{}"));
		assertThat(missing.get("type").stringValue()).isEqualTo("missing");
	}

	@Test
	void uploadViaUrlNeedsAnAbsoluteHttpUrl() {
		JsonNode relative = singleError(this.running.http()
			.postJson("/api/v1/images/upload_via_url", this.running.emulator().serverKey(),
					"{\"url\":\"/images/a.png\"}"));
		assertThat(relative.get("loc").toString()).isEqualTo("[\"body\",\"url\"]");
		assertThat(relative.get("type").stringValue()).isEqualTo("url_parsing");
		JsonNode ftp = singleError(this.running.http()
			.postJson("/api/v1/images/upload_via_url", this.running.emulator().serverKey(),
					"{\"url\":\"ftp://example.com/a.png\"}"));
		assertThat(ftp.get("type").stringValue()).isEqualTo("url_scheme");
	}

	@Test
	void invalidRequestsCreateNothing() {
		upload("{\"file_name\":\"\"}");
		assertThat(this.running.emulator().state().images()).isEmpty();
	}

	private HttpResponse<String> upload(String json) {
		return this.running.http()
			.postJson("/api/v1/images/standard_upload", this.running.emulator().serverKey(), json);
	}

	private static JsonNode singleError(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		JsonNode detail = TestHttp.json(response).get("detail");
		assertThat(detail.isArray()).isTrue();
		assertThat(detail.size()).as(response.body()).isEqualTo(1);
		return detail.get(0);
	}

}
