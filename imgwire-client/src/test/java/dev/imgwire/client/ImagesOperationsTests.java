package dev.imgwire.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.model.DownloadJob;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.model.UploadViaUrlRequest;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.state.EmulatedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation against the emulator, with the details that go on the wire.
 */
class ImagesOperationsTests extends EmulatorTestSupport {

	@Test
	void listSendsTheServerKeyTheUserAgentAndATrailingSlashWithPageAndLimit() {
		ImgwireImagesClient client = client();
		uploadPng(client, "a.png");
		uploadPng(client, "b.png");
		uploadPng(client, "c.png");

		Page<Image> page = client.list(1, 2).block(TIMEOUT);

		assertThat(page.items()).hasSize(2);
		assertThat(page.pagination().totalCount()).isEqualTo(3);
		assertThat(page.pagination().page()).isEqualTo(1);
		assertThat(page.pagination().limit()).isEqualTo(2);
		assertThat(page.pagination().prevPage()).isNull();
		assertThat(page.pagination().nextPage()).isEqualTo(2);
		WireRecorder.RecordedRequest request = this.wire.last();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.pathAndQuery()).isEqualTo("/api/v1/images/?page=1&limit=2");
		assertThat(request.header("Authorization")).isEqualTo("Bearer " + emulator.serverKey());
		assertThat(request.header("User-Agent"))
			.isEqualTo("imgwire-java/" + System.getProperty("imgwire.expected.version"))
			.doesNotContain("@")
			.doesNotContain("unknown");
		assertThat(request.hasHeader("X-Environment-Id")).isFalse();
	}

	@Test
	void theEnvironmentIdIsSentWhenConfigured() {
		String environmentId = UUID.randomUUID().toString();
		ImgwireImagesClient client = clientBuilder(settings().withEnvironmentId(environmentId)).build();

		client.list(1, 20).block(TIMEOUT);

		assertThat(this.wire.last().header("X-Environment-Id")).isEqualTo(environmentId);
	}

	@Test
	void retrieveReadsEveryFieldOfTheImage() {
		ImgwireImagesClient client = client();
		Image uploaded = client.upload(UploadSource.fromBytes(TestImages.png(5, 7)),
				UploadOptions.defaults()
					.withFileName("cat.png")
					.withPurpose("avatar")
					.withIdempotencyKey("key-123")
					.withCustomMetadata(Map.of("owner", "alice", "rank", 3, "score", 1.5, "public", true))
					.withComputeSha256(true))
			.block(TIMEOUT);
		this.wire.clear();

		Image image = client.retrieve(uploaded.id().toString()).block(TIMEOUT);

		assertThat(this.wire.last().pathAndQuery()).isEqualTo("/api/v1/images/" + uploaded.id());
		assertThat(image.id()).isEqualTo(uploaded.id());
		assertThat(image.status()).isEqualTo(ImageStatus.READY);
		assertThat(image.originalFilename()).isEqualTo("cat.png");
		assertThat(image.mimeType()).isEqualTo(SupportedMimeType.PNG);
		assertThat(image.width()).isEqualTo(5);
		assertThat(image.height()).isEqualTo(7);
		assertThat(image.sizeBytes()).isEqualTo(TestImages.png(5, 7).length);
		assertThat(image.purpose()).isEqualTo("avatar");
		assertThat(image.idempotencyKey()).isEqualTo("key-123");
		assertThat(image.hashSha256()).hasSize(64);
		assertThat(image.customMetadata()).containsEntry("owner", "alice")
			.containsEntry("rank", 3)
			.containsEntry("score", 1.5)
			.containsEntry("public", true);
		assertThat(image.cdnUrl()).isNotBlank();
		assertThat(image.extension()).isNotBlank();
		assertThat(image.createdAt()).isNotNull();
		assertThat(image.updatedAt()).isNotNull();
		assertThat(image.deletedAt()).isNull();
	}

	@Test
	void deleteRemovesTheImage() {
		ImgwireImagesClient client = client();
		Image image = uploadPng(client, "gone.png");

		Map<String, String> answer = client.delete(image.id().toString()).block(TIMEOUT);

		assertThat(answer).isNotNull();
		assertThat(this.wire.last().method()).isEqualTo("DELETE");
		assertThat(this.wire.last().pathAndQuery()).isEqualTo("/api/v1/images/" + image.id());
		assertThat(emulator.state().images()).extracting(EmulatedImage::id).doesNotContain(image.id());
	}

	@Test
	void bulkDeleteRemovesEveryGivenImage() {
		ImgwireImagesClient client = client();
		Image first = uploadPng(client, "1.png");
		Image second = uploadPng(client, "2.png");
		Image kept = uploadPng(client, "3.png");

		client.bulkDelete(List.of(first.id().toString(), second.id().toString())).block(TIMEOUT);

		assertThat(this.wire.last().pathAndQuery()).isEqualTo("/api/v1/images/bulk_delete");
		assertThat(emulator.state().images()).extracting(EmulatedImage::id).containsExactly(kept.id());
	}

	@Test
	void createStandardUploadAlwaysSendsAnIdempotencyKey() {
		ImgwireImagesClient client = client();

		StandardUpload generated = client.createStandardUpload(StandardUploadRequest.of("a.png")).block(TIMEOUT);
		StandardUpload given = client
			.createStandardUpload(StandardUploadRequest.of("b.png").withIdempotencyKey("mine-1"))
			.block(TIMEOUT);

		assertThat(generated.image().status()).isEqualTo(ImageStatus.PENDING);
		assertThat(generated.uploadUrl()).startsWith(emulator.baseUrl());
		assertThat(emulator.state().image(generated.image().id()).orElseThrow().idempotencyKey())
			.matches("[0-9a-f-]{36}");
		assertThat(emulator.state().image(given.image().id()).orElseThrow().idempotencyKey()).isEqualTo("mine-1");
		assertThat(generated.toString()).doesNotContain(generated.uploadUrl());
		assertThat(this.wire.last().pathAndQuery()).isEqualTo("/api/v1/images/standard_upload");
	}

	@Test
	void uploadViaUrlCreatesAnImageFromARemoteUrlWithAGeneratedIdempotencyKey() {
		ImgwireImagesClient client = client();
		Image source = uploadPng(client, "remote.png");

		Image image = client.uploadViaUrl(UploadViaUrlRequest.of(source.cdnUrl()).withFileName("copy.png"))
			.block(TIMEOUT);

		assertThat(image.id()).isNotEqualTo(source.id());
		assertThat(image.originalFilename()).isEqualTo("copy.png");
		assertThat(this.wire.requests("POST")).extracting(WireRecorder.RecordedRequest::pathAndQuery)
			.contains("/api/v1/images/upload_via_url");
		assertThat(emulator.state().image(image.id()).orElseThrow().idempotencyKey()).matches("[0-9a-f-]{36}");
	}

	@Test
	void createUploadTokenReturnsATokenThatToStringHides() {
		UploadToken token = client().createUploadToken().block(TIMEOUT);

		assertThat(token.token()).isNotBlank();
		assertThat(token.expiresAt()).isNotNull();
		assertThat(token.toString()).doesNotContain(token.token());
		assertThat(this.wire.last().pathAndQuery()).isEqualTo("/api/v1/images/token");
		assertThat(emulator.state().requestCount(EmulatorOperation.CREATE_UPLOAD_TOKEN)).isEqualTo(1);
	}

	@Test
	void aDownloadJobCanBeCreatedAndRetrieved() {
		ImgwireImagesClient client = client();
		Image image = uploadPng(client, "zip-me.png");

		DownloadJob created = client.createDownloadJob(List.of(image.id().toString())).block(TIMEOUT);
		DownloadJob retrieved = client.retrieveDownloadJob(created.id().toString()).block(TIMEOUT);

		assertThat(created.imageIds()).containsExactly(image.id());
		assertThat(retrieved.id()).isEqualTo(created.id());
		assertThat(this.wire.requests()).extracting(WireRecorder.RecordedRequest::pathAndQuery)
			.containsExactly("/api/v1/images/downloads", "/api/v1/images/downloads/" + created.id());
	}

	@Test
	void theCallersWebClientBuilderIsNeitherChangedNorAffectedLater() {
		WebClient.Builder callersBuilder = this.wire.webClientBuilder();
		ImgwireImagesClient client = ImgwireImagesClient.builder(callersBuilder, settings()).build();
		callersBuilder.defaultHeader("X-Added-Later", "yes");

		client.list(1, 1).block(TIMEOUT);
		callersBuilder.build()
			.get()
			.uri(emulator.baseUrl() + "/api/v1/images/")
			.retrieve()
			.toBodilessEntity()
			.onErrorResume((ex) -> Mono.empty())
			.block(TIMEOUT);

		List<WireRecorder.RecordedRequest> requests = this.wire.requests();
		assertThat(requests.get(0).hasHeader("X-Added-Later")).isFalse();
		assertThat(requests.get(1).hasHeader("Authorization")).isFalse();
		assertThat(requests.get(1).header("User-Agent")).doesNotStartWith("imgwire-java");
	}

	@Test
	void nothingIsSentUntilSubscription() {
		ImgwireImagesClient client = client();

		client.list(1, 10);
		client.retrieve(UUID.randomUUID().toString());
		client.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults());

		assertThat(emulator.state().totalRequests()).isZero();
		StepVerifier.create(client.list(1, 10)).expectNextCount(1).verifyComplete();
		assertThat(emulator.state().totalRequests()).isEqualTo(1);
	}

}
