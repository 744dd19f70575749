package dev.imgwire.emulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import dev.imgwire.emulator.state.EmulatedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code idempotency_key} makes retried creates return the record of the first
 * attempt, even when attempts race.
 */
class IdempotencyTests {

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@Test
	void sameKeyReturnsTheSameImageWithAWorkingUploadUrl() {
		JsonNode first = this.running.http().createUpload("{\"file_name\":\"a.png\",\"idempotency_key\":\"k1\"}");
		JsonNode second = this.running.http().createUpload("{\"file_name\":\"a.png\",\"idempotency_key\":\"k1\"}");
		assertThat(second.get("image").get("id")).isEqualTo(first.get("image").get("id"));
		assertThat(this.running.emulator().state().images()).hasSize(1);
		HttpResponse<String> put = this.running.http()
			.put(second.get("upload_url").stringValue(), SampleImages.png(2, 2), null);
		assertThat(put.statusCode()).isEqualTo(200);
	}

	@Test
	void differentKeysCreateDifferentImages() {
		JsonNode first = this.running.http().createUpload("{\"file_name\":\"a.png\",\"idempotency_key\":\"k1\"}");
		JsonNode second = this.running.http().createUpload("{\"file_name\":\"a.png\",\"idempotency_key\":\"k2\"}");
		assertThat(second.get("image").get("id")).isNotEqualTo(first.get("image").get("id"));
	}

	@Test
	void uploadsWithoutKeyAreNeverDeduplicated() {
		this.running.http().createUpload("{\"file_name\":\"a.png\"}");
		this.running.http().createUpload("{\"file_name\":\"a.png\"}");
		assertThat(this.running.emulator().state().images()).hasSize(2);
	}

	@Test
	void deletedImageNoLongerAnswersForItsKey() {
		String first = this.running.http()
			.createUpload("{\"file_name\":\"a.png\",\"idempotency_key\":\"k1\"}")
			.get("image")
			.get("id")
			.stringValue();
		this.running.http().delete("/api/v1/images/" + first, this.running.emulator().serverKey());
		String second = this.running.http()
			.createUpload("{\"file_name\":\"a.png\",\"idempotency_key\":\"k1\"}")
			.get("image")
			.get("id")
			.stringValue();
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void concurrentRetriesCreateExactlyOneImagePerKey() throws Exception {
		int requests = 32;
		ExecutorService executor = Executors.newFixedThreadPool(requests);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				String key = "key-" + (i % 8);
				futures.add(CompletableFuture.supplyAsync(() -> {
					awaitQuietly(start);
					return this.running.http()
						.postJson("/api/v1/images/standard_upload", this.running.emulator().serverKey(),
								"{\"file_name\":\"a.png\",\"idempotency_key\":\"" + key + "\"}");
				}, executor));
			}
			start.countDown();
			Map<String, Set<String>> idsByKey = futures.stream()
				.map(CompletableFuture::join)
				.peek((response) -> assertThat(response.statusCode()).isEqualTo(200))
				.map((response) -> TestHttp.json(response).get("image"))
				.collect(Collectors.groupingBy((image) -> image.get("idempotency_key").stringValue(),
						Collectors.mapping((image) -> image.get("id").stringValue(), Collectors.toSet())));
			assertThat(idsByKey).hasSize(8).allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
			assertThat(this.running.emulator().state().images()).extracting(EmulatedImage::idempotencyKey)
				.doesNotHaveDuplicates()
				.hasSize(8);
		}
		finally {
			executor.shutdownNow();
			executor.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void retryCarryingTheAlreadyRedeemedTokenReturnsTheSameImage() {
		String token = createToken();
		String path = "/api/v1/images/standard_upload?upload_token=" + token;
		String body = "{\"file_name\":\"a.png\",\"idempotency_key\":\"k1\"}";
		HttpResponse<String> first = this.running.http().postJson(path, this.running.emulator().clientKey(), body);
		HttpResponse<String> retry = this.running.http().postJson(path, this.running.emulator().clientKey(), body);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(TestHttp.json(retry).get("image").get("id")).isEqualTo(TestHttp.json(first).get("image").get("id"));
	}

	@Test
	void redeemedTokenStillCannotCreateANewImageUnderAnotherKey() {
		String token = createToken();
		String path = "/api/v1/images/standard_upload?upload_token=" + token;
		this.running.http()
			.postJson(path, this.running.emulator().clientKey(),
					"{\"file_name\":\"a.png\",\"idempotency_key\":\"k1\"}");
		HttpResponse<String> other = this.running.http()
			.postJson(path, this.running.emulator().clientKey(),
					"{\"file_name\":\"a.png\",\"idempotency_key\":\"k2\"}");
		assertThat(other.statusCode()).isEqualTo(401);
	}

	private String createToken() {
		HttpResponse<String> response = this.running.http()
			.send(this.running.http()
				.request("/api/v1/images/token", this.running.emulator().serverKey())
				.POST(HttpRequest.BodyPublishers.noBody()));
		return TestHttp.json(response).get("token").stringValue();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
