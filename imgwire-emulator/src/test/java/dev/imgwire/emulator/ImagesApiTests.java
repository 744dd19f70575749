package dev.imgwire.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire format of the Images API operations: paths, status codes, JSON field names and
 * pagination headers.
 */
class ImagesApiTests {

	private static final List<String> IMAGE_SCHEMA_FIELDS = List.of("id", "environment_id", "upload_token_id",
			"original_filename", "hash_sha256", "status", "cdn_url", "mime_type", "can_upload",
			"is_directly_deliverable", "idempotency_key", "purpose", "extension", "width", "height", "size_bytes",
			"custom_metadata", "exif_data", "created_at", "updated_at", "deleted_at", "processed_metadata_at");

	private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})";

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@Test
	void standardUploadReturnsImageWithEveryImageSchemaFieldAndAnUploadUrl() {
		JsonNode response = this.running.http()
			.createUpload(
					"""
							{"file_name":"cat.png","mime_type":"image/png","content_length":42,
							 "idempotency_key":"key-1","purpose":"avatar","custom_metadata":{"owner":"u1","rank":3,"score":1.5,"public":true}}
							""");
		assertThat(response.propertyNames()).containsExactly("image", "upload_url");
		JsonNode image = response.get("image");
		assertThat(image.propertyNames()).containsExactlyElementsOf(IMAGE_SCHEMA_FIELDS);
		String id = image.get("id").stringValue();
		assertThat(image.get("status").stringValue()).isEqualTo("PENDING");
		assertThat(image.get("original_filename").stringValue()).isEqualTo("cat.png");
		assertThat(image.get("mime_type").stringValue()).isEqualTo("image/png");
		assertThat(image.get("extension").stringValue()).isEqualTo("png");
		assertThat(image.get("can_upload").booleanValue()).isTrue();
		assertThat(image.get("is_directly_deliverable").booleanValue()).isFalse();
		assertThat(image.get("size_bytes").longValue()).isEqualTo(42);
		assertThat(image.get("width").intValue()).isZero();
		assertThat(image.get("idempotency_key").stringValue()).isEqualTo("key-1");
		assertThat(image.get("purpose").stringValue()).isEqualTo("avatar");
		assertThat(image.get("custom_metadata").toString())
			.isEqualTo("{\"owner\":\"u1\",\"rank\":3,\"score\":1.5,\"public\":true}");
		assertThat(image.get("exif_data").isObject()).isTrue();
		assertThat(image.get("upload_token_id").isNull()).isTrue();
		assertThat(image.get("hash_sha256").isNull()).isTrue();
		assertThat(image.get("deleted_at").isNull()).isTrue();
		assertThat(image.get("processed_metadata_at").isNull()).isTrue();
		assertThat(image.get("created_at").stringValue()).matches(TIMESTAMP);
		assertThat(image.get("updated_at").stringValue()).matches(TIMESTAMP);
		assertThat(image.get("environment_id").stringValue()).matches("[0-9a-f-]{36}");
		assertThat(image.get("cdn_url").stringValue()).matches(this.running.emulator().baseUrl() + "/cdn/[0-9a-f-]{36}/"
				+ image.get("environment_id").stringValue() + "/" + id);
		assertThat(response.get("upload_url").stringValue())
			.startsWith(this.running.emulator().baseUrl() + "/upload/" + id + "?expires=")
			.contains("&signature=");
	}

	@Test
	void retrieveReturnsTheBareImageSchema() {
		String id = this.running.http().createUpload("{\"file_name\":\"a.jpg\"}").get("image").get("id").stringValue();
		HttpResponse<String> response = this.running.http()
			.get("/api/v1/images/" + id, this.running.emulator().serverKey());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode image = TestHttp.json(response);
		assertThat(image.propertyNames()).containsExactlyElementsOf(IMAGE_SCHEMA_FIELDS);
		assertThat(image.get("id").stringValue()).isEqualTo(id);
		assertThat(image.get("mime_type").stringValue()).as("inferred from file name").isEqualTo("image/jpeg");
	}

	@Test
	void retrieveOfUnknownImageIsNotFoundWithErrorType() {
		HttpResponse<String> response = this.running.http()
			.get("/api/v1/images/2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f", this.running.emulator().serverKey());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body())
			.isEqualTo("{\"detail\":\"Image not found\",\"error_type\":\"ResourceNotFoundError\"}");
	}

	@Test
	void listReturnsBareArrayInCreationOrderWithPaginationHeaders() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(this.running.http()
				.createUpload("{\"file_name\":\"" + i + ".png\"}")
				.get("image")
				.get("id")
				.stringValue());
		}
		HttpResponse<String> first = this.running.http()
			.get("/api/v1/images/?page=1&limit=2", this.running.emulator().serverKey());
		assertThat(first.statusCode()).isEqualTo(200);
		JsonNode firstPage = TestHttp.json(first);
		assertThat(firstPage.isArray()).isTrue();
		assertThat(firstPage.values()).extracting((image) -> image.get("id").stringValue())
			.containsExactly(ids.get(0), ids.get(1));
		assertThat(first.headers().firstValue("X-Total-Count")).hasValue("3");
		assertThat(first.headers().firstValue("X-Page")).hasValue("1");
		assertThat(first.headers().firstValue("X-Limit")).hasValue("2");
		assertThat(first.headers().firstValue("X-Prev-Page")).hasValue("null");
		assertThat(first.headers().firstValue("X-Next-Page")).hasValue("2");
		HttpResponse<String> second = this.running.http()
			.get("/api/v1/images/?page=2&limit=2", this.running.emulator().serverKey());
		assertThat(TestHttp.json(second).values()).extracting((image) -> image.get("id").stringValue())
			.containsExactly(ids.get(2));
		assertThat(second.headers().firstValue("X-Prev-Page")).hasValue("1");
		assertThat(second.headers().firstValue("X-Next-Page")).hasValue("null");
	}

	@Test
	void listDefaultsToFirstPageOfTwenty() {
		for (int i = 0; i < 21; i++) {
			this.running.http().createUpload("{\"file_name\":\"" + i + ".png\"}");
		}
		HttpResponse<String> response = this.running.http().get("/api/v1/images/", this.running.emulator().serverKey());
		assertThat(TestHttp.json(response).size()).isEqualTo(20);
		assertThat(response.headers().firstValue("X-Page")).hasValue("1");
		assertThat(response.headers().firstValue("X-Limit")).hasValue("20");
		assertThat(response.headers().firstValue("X-Next-Page")).hasValue("2");
	}

	@Test
	void listBeyondTheLastPageIsEmpty() {
		this.running.http().createUpload("{\"file_name\":\"a.png\"}");
		HttpResponse<String> response = this.running.http()
			.get("/api/v1/images/?page=5", this.running.emulator().serverKey());
		assertThat(response.body()).isEqualTo("[]");
		assertThat(response.headers().firstValue("X-Total-Count")).hasValue("1");
		assertThat(response.headers().firstValue("X-Next-Page")).hasValue("null");
	}

	@Test
	void collectionPathWithoutTrailingSlashRedirectsToIt() {
		HttpResponse<String> response = this.running.http()
			.get("/api/v1/images?limit=5", this.running.emulator().serverKey());
		assertThat(response.statusCode()).isEqualTo(307);
		assertThat(response.headers().firstValue("Location"))
			.hasValue(this.running.emulator().baseUrl() + "/api/v1/images/?limit=5");
	}

	@Test
	void deleteRemovesImageFromRetrieveAndList() {
		String id = this.running.http().createUpload("{\"file_name\":\"a.png\"}").get("image").get("id").stringValue();
		HttpResponse<String> deleted = this.running.http()
			.delete("/api/v1/images/" + id, this.running.emulator().serverKey());
		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(TestHttp.json(deleted).get("detail").stringValue()).isEqualTo("Image deleted");
		assertThat(TestHttp.json(deleted).values()).allMatch(JsonNode::isString);
		assertThat(this.running.http().get("/api/v1/images/" + id, this.running.emulator().serverKey()).statusCode())
			.isEqualTo(404);
		assertThat(this.running.http().get("/api/v1/images/", this.running.emulator().serverKey()).body())
			.isEqualTo("[]");
		assertThat(this.running.http().delete("/api/v1/images/" + id, this.running.emulator().serverKey()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void bulkDeleteDeletesEveryGivenImage() {
		String first = this.running.http()
			.createUpload("{\"file_name\":\"a.png\"}")
			.get("image")
			.get("id")
			.stringValue();
		String second = this.running.http()
			.createUpload("{\"file_name\":\"b.png\"}")
			.get("image")
			.get("id")
			.stringValue();
		String kept = this.running.http()
			.createUpload("{\"file_name\":\"c.png\"}")
			.get("image")
			.get("id")
			.stringValue();
		HttpResponse<String> response = this.running.http()
			.postJson("/api/v1/images/bulk_delete", this.running.emulator().serverKey(),
					"{\"image_ids\":[\"" + first + "\",\"" + second + "\"]}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestHttp.json(response).get("deleted").stringValue()).isEqualTo("2");
		assertThat(this.running.emulator().state().images()).extracting((image) -> image.id().toString())
			.containsExactly(kept);
	}

	@Test
	void bulkDeleteWithAnUnknownIdDeletesNothingAndNamesIt() {
		String known = this.running.http()
			.createUpload("{\"file_name\":\"a.png\"}")
			.get("image")
			.get("id")
			.stringValue();
		String unknown = "2f1c52f4-8f5e-4b8e-9a43-1a2b3c4d5e6f";
		HttpResponse<String> response = this.running.http()
			.postJson("/api/v1/images/bulk_delete", this.running.emulator().serverKey(),
					"{\"image_ids\":[\"" + known + "\",\"" + unknown + "\"]}");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("ResourceNotFoundError");
		assertThat(TestHttp.json(response).get("detail").stringValue()).contains(unknown).doesNotContain(known);
		assertThat(this.running.emulator().state().images()).hasSize(1);
	}

	@Test
	void createUploadTokenReturnsTheTokenSchema() {
		HttpResponse<String> response = this.running.http()
			.send(this.running.http()
				.request("/api/v1/images/token", this.running.emulator().serverKey())
				.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode token = TestHttp.json(response);
		assertThat(token.propertyNames()).containsExactly("id", "environment_id", "used_at", "expires_at", "created_at",
				"updated_at", "token");
		assertThat(token.get("used_at").isNull()).isTrue();
		assertThat(token.get("expires_at").stringValue()).matches(TIMESTAMP);
		assertThat(token.get("token").stringValue()).startsWith("ut_");
	}

	@Test
	void unknownPathIsNotFoundInFastApiShape() {
		HttpResponse<String> response = this.running.http().get("/api/v1/nothing", this.running.emulator().serverKey());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("{\"detail\":\"Not Found\"}");
	}

	@Test
	void unsupportedMethodOnKnownPathIsMethodNotAllowed() {
		HttpResponse<String> response = this.running.http()
			.send(this.running.http()
				.request("/api/v1/images/", this.running.emulator().serverKey())
				.method("PATCH", HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
		assertThat(response.headers().firstValue("Allow")).hasValue("GET");
	}

	@Test
	void getOnAFixedPostPathFallsThroughToRetrieveAndFailsUuidValidation() {
		HttpResponse<String> response = this.running.http()
			.get("/api/v1/images/token", this.running.emulator().serverKey());
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode error = TestHttp.json(response).get("detail").get(0);
		assertThat(error.get("loc").toString()).isEqualTo("[\"path\",\"image_id\"]");
		assertThat(error.get("type").stringValue()).isEqualTo("uuid_parsing");
	}

}
