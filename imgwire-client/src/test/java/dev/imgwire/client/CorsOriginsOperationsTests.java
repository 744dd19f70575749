package dev.imgwire.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.imgwire.client.cors.CorsOrigin;
import dev.imgwire.client.cors.ImgwireCorsOriginsClient;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.client.model.Page;
import dev.imgwire.emulator.EmulatorOperation;

import static dev.imgwire.client.ErrorMappingTests.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CORS origins client against the emulator.
 */
class CorsOriginsOperationsTests extends EmulatorTestSupport {

	private ImgwireCorsOriginsClient corsOrigins() {
		return rootClient().corsOrigins();
	}

	@Nested
	class Operations {

		@Test
		void createSendsThePatternWithTheServerKeyToTheCollectionPath() {
			CorsOrigin created = corsOrigins().create(" https://app.example.com ").block(TIMEOUT);

			assertThat(created.pattern()).isEqualTo("https://app.example.com");
			assertThat(created.environmentId()).isNotNull();
			assertThat(created.createdAt()).isNotNull();
			WireRecorder.RecordedRequest request = CorsOriginsOperationsTests.this.wire.last();
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.pathAndQuery()).isEqualTo("/api/v1/cors_origins/");
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + emulator.serverKey());
		}

		@Test
		void retrieveUpdateAndDeleteWorkOnTheCreatedOrigin() {
			ImgwireCorsOriginsClient client = corsOrigins();
			CorsOrigin created = client.create("https://a.example.com").block(TIMEOUT);
			String id = created.id().toString();

			assertThat(client.retrieve(id).block(TIMEOUT)).isEqualTo(created);
			CorsOrigin updated = client.update(id, "https://b.example.com").block(TIMEOUT);
			assertThat(updated.id()).isEqualTo(created.id());
			assertThat(updated.pattern()).isEqualTo("https://b.example.com");
			assertThat(CorsOriginsOperationsTests.this.wire.last().method()).isEqualTo("PATCH");

			Map<String, String> deleted = client.delete(id).block(TIMEOUT);
			assertThat(deleted).isNotEmpty();
			failure(client.retrieve(id), ImgwireNotFoundException.class);
		}

		@Test
		void listAllWalksEveryPageAndListReadsThePaginationHeaders() {
			ImgwireCorsOriginsClient client = corsOrigins();
			for (int i = 0; i < 5; i++) {
				client.create("https://o" + i + ".example.com").block(TIMEOUT);
			}
			CorsOriginsOperationsTests.this.wire.clear();

			List<String> patterns = client.listAll(2).map(CorsOrigin::pattern).collectList().block(TIMEOUT);

			assertThat(patterns).hasSize(5).doesNotHaveDuplicates();
			assertThat(CorsOriginsOperationsTests.this.wire.requests())
				.extracting(WireRecorder.RecordedRequest::pathAndQuery)
				.containsExactly("/api/v1/cors_origins/?page=1&limit=2", "/api/v1/cors_origins/?page=2&limit=2",
						"/api/v1/cors_origins/?page=3&limit=2");
			Page<CorsOrigin> page = client.list(2, 2).block(TIMEOUT);
			assertThat(page.pagination().totalCount()).isEqualTo(5);
			assertThat(page.pagination().prevPage()).isEqualTo(1);
			assertThat(page.pagination().nextPage()).isEqualTo(3);
		}

		@Test
		void anOriginCreatedThroughTheApiIsOneTheEmulatorAllows() {
			corsOrigins().create("https://allowed.example.com").block(TIMEOUT);

			assertThat(emulator.state().corsOrigins()).extracting((origin) -> origin.pattern())
				.containsExactly("https://allowed.example.com");
		}

	}

	@Nested
	class Validation {

		@ParameterizedTest
		@ValueSource(strings = { "", "   " })
		void aBlankPatternIsRefusedBeforeAnythingIsSent(String pattern) {
			ImgwireRequestValidationException ex = failure(corsOrigins().create(pattern),
					ImgwireRequestValidationException.class);

			assertThat(ex.getField()).isEqualTo("pattern");
			assertThat(CorsOriginsOperationsTests.this.wire.requests()).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "not-a-uuid", "1-1-1-1-1" })
		void anIdThatIsNoUuidIsRefusedBeforeAnythingIsSent(String id) {
			ImgwireCorsOriginsClient client = corsOrigins();

			assertThat(failure(client.retrieve(id), ImgwireRequestValidationException.class).getField())
				.isEqualTo("cors_origin_id");
			assertThat(failure(client.update(id, "https://x.example.com"), ImgwireRequestValidationException.class)
				.getField()).isEqualTo("cors_origin_id");
			assertThat(failure(client.delete(id), ImgwireRequestValidationException.class).getField())
				.isEqualTo("cors_origin_id");
			assertThat(CorsOriginsOperationsTests.this.wire.requests()).isEmpty();
		}

		@Test
		void anUpdateWithABlankPatternIsRefusedBeforeAnythingIsSent() {
			ImgwireRequestValidationException ex = failure(corsOrigins().update(UUID.randomUUID().toString(), " "),
					ImgwireRequestValidationException.class);

			assertThat(ex.getField()).isEqualTo("pattern");
			assertThat(CorsOriginsOperationsTests.this.wire.requests()).isEmpty();
		}

	}

	@Nested
	class Retries {

		@Test
		void aDeleteWhoseAnswerWasLostSucceedsAlthoughTheRetryFindsTheOriginGone() {
			CorsOrigin origin = corsOrigins().create("https://gone.example.com").block(TIMEOUT);
			emulator.faults().next(EmulatorOperation.DELETE_CORS_ORIGIN, 1).loseResponse();

			Map<String, String> answer = corsOrigins().delete(origin.id().toString()).block(TIMEOUT);

			assertThat(answer).isEmpty();
			assertThat(emulator.state().requestCount(EmulatorOperation.DELETE_CORS_ORIGIN)).isEqualTo(2);
			assertThat(emulator.state().corsOrigins()).isEmpty();
		}

		@Test
		void aCreateWhoseAnswerWasLostIsNotSentTwice() {
			emulator.faults().next(EmulatorOperation.CREATE_CORS_ORIGIN, 1).loseResponse();

			failure(corsOrigins().create("https://once.example.com"), ImgwireTransportException.class);

			assertThat(emulator.state().requestCount(EmulatorOperation.CREATE_CORS_ORIGIN)).isEqualTo(1);
			assertThat(emulator.state().corsOrigins()).hasSize(1);
		}

		@Test
		void aRetrieveAnsweredWithAServerErrorIsRetried() {
			CorsOrigin origin = corsOrigins().create("https://again.example.com").block(TIMEOUT);
			emulator.faults().next(EmulatorOperation.RETRIEVE_CORS_ORIGIN, 1).respondWith(503);

			assertThat(corsOrigins().retrieve(origin.id().toString()).block(TIMEOUT)).isEqualTo(origin);
			assertThat(emulator.state().requestCount(EmulatorOperation.RETRIEVE_CORS_ORIGIN)).isEqualTo(2);
		}

	}

}
