package dev.imgwire.client;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireAuthenticationException;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwirePermissionException;
import dev.imgwire.client.error.ImgwireRateLimitException;
import dev.imgwire.client.error.ImgwireResponseException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.error.ImgwireValidationException;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.retry.ImgwireRetryPolicy;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.EmulatorOperation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of failure becomes the matching typed exception, and none of them leaks a
 * secret.
 */
class ErrorMappingTests extends EmulatorTestSupport {

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	static Stream<Arguments> statuses() {
		return Stream.of(Arguments.of(400, ImgwireApiException.class),
				Arguments.of(401, ImgwireAuthenticationException.class),
				Arguments.of(403, ImgwirePermissionException.class), Arguments.of(404, ImgwireNotFoundException.class),
				Arguments.of(405, ImgwireApiException.class), Arguments.of(408, ImgwireApiException.class),
				Arguments.of(409, ImgwireApiException.class), Arguments.of(422, ImgwireValidationException.class),
				Arguments.of(429, ImgwireRateLimitException.class), Arguments.of(500, ImgwireServerException.class),
				Arguments.of(502, ImgwireServerException.class), Arguments.of(503, ImgwireServerException.class),
				Arguments.of(504, ImgwireServerException.class));
	}

	@ParameterizedTest(name = "HTTP {0} becomes {1}")
	@MethodSource("statuses")
	void eachErrorStatusBecomesItsExceptionTypeWithTheDetailAndThePathTemplate(int status,
			Class<? extends ImgwireApiException> type) {
		emulator.faults().next(EmulatorOperation.RETRIEVE, 1).respondWith(status);
		String id = UUID.randomUUID().toString();

		ImgwireApiException ex = failure(noRetries().retrieve(id), ImgwireApiException.class);

		assertThat(ex).isExactlyInstanceOf(type);
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getErrorType()).isEqualTo("InjectedFault");
		assertThat(ex.getDetail()).isEqualTo("Injected fault");
		assertThat(ex.getMethod()).isEqualTo("GET");
		assertThat(ex.getPathTemplate()).isEqualTo("/api/v1/images/{image_id}");
		assertThat(ex.getMessage()).contains("HTTP " + status).contains("/api/v1/images/{image_id}").doesNotContain(id);
		assertThat(ex.getAttempts()).isEqualTo(1);
	}

	@Test
	void aRejectedKeyIsAnAuthenticationFailureThatDoesNotRepeatTheKey() {
		String wrongKey = "sk_test_wrong_" + UUID.randomUUID();
		ImgwireImagesClient client = clientBuilder(ImgwireClientSettings.of(emulator.baseUrl(), wrongKey)).build();

		ImgwireAuthenticationException ex = failure(client.list(1, 10), ImgwireAuthenticationException.class);

		assertThat(ex.getStatusCode()).isEqualTo(401);
		assertThat(ex.getMessage()).doesNotContain(wrongKey);
		assertThat(ex.toString()).doesNotContain(wrongKey);
	}

	@Test
	void aMissingImageIsNotFoundWithTheApisErrorType() {
		ImgwireNotFoundException ex = failure(client().retrieve(UUID.randomUUID().toString()),
				ImgwireNotFoundException.class);

		assertThat(ex.getErrorType()).isEqualTo("ResourceNotFoundError");
	}

	@Test
	void aValidationErrorListIsReadIntoLocationsMessagesAndTypes() {
		// No MIME type and an extension the API cannot map: the API answers 422.
		ImgwireValidationException ex = failure(client().createStandardUpload(StandardUploadRequest.of("notes.txt")),
				ImgwireValidationException.class);

		assertThat(ex.getValidationErrors()).isNotEmpty();
		assertThat(ex.getValidationErrors().get(0).loc()).containsExactly("body", "mime_type");
		assertThat(ex.getValidationErrors().get(0).msg()).isNotBlank();
		assertThat(ex.getValidationErrors().get(0).type()).isNotBlank();
		assertThat(ex.getMessage()).contains("body.mime_type");
	}

	@Test
	void aValidationErrorListWithExtraKeysAndNumericLocationsIsRead() {
		String body = "{\"detail\":[{\"loc\":[\"body\",\"image_ids\",2],\"msg\":\"Input should be a valid UUID\","
				+ "\"type\":\"uuid_parsing\",\"input\":\"x\",\"ctx\":{\"error\":\"bad\"}}]}";
		emulator.faults().next(EmulatorOperation.RETRIEVE, 1).respondRaw(422, JSON, body);

		ImgwireValidationException ex = failure(noRetries().retrieve(UUID.randomUUID().toString()),
				ImgwireValidationException.class);

		assertThat(ex.getValidationErrors()).singleElement().satisfies((error) -> {
			assertThat(error.loc()).containsExactly("body", "image_ids", 2);
			assertThat(error.type()).isEqualTo("uuid_parsing");
		});
		assertThat(ex.getDetail()).isNull();
	}

	@Test
	void aRateLimitCarriesTheRetryAfterInSeconds() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, Duration.ofSeconds(7));

		ImgwireRateLimitException ex = failure(noRetries().list(1, 10), ImgwireRateLimitException.class);

		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void aRateLimitCarriesTheRetryAfterAsAnHttpDate() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusHours(1));
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, date);

		ImgwireRateLimitException ex = failure(noRetries().list(1, 10), ImgwireRateLimitException.class);

		assertThat(ex.getRetryAfter()).isBetween(Duration.ofMinutes(50), Duration.ofMinutes(61));
	}

	@Test
	void anUnreadableRetryAfterIsIgnored() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(429, "soon");

		ImgwireRateLimitException ex = failure(noRetries().list(1, 10), ImgwireRateLimitException.class);

		assertThat(ex.getRetryAfter()).isNull();
	}

	@Test
	void aServerErrorKeepsItsRetryAfter() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondWith(503, Duration.ofSeconds(3));

		ImgwireServerException ex = failure(noRetries().list(1, 10), ImgwireServerException.class);

		assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void anHtmlErrorPageBecomesTheDetailCutToABoundedLength() {
		String page = "<html><body><h1>502 Bad Gateway</h1>" + "x".repeat(10_000) + "</body></html>";
		emulator.faults().next(EmulatorOperation.LIST, 1).respondRaw(502, Map.of("Content-Type", "text/html"), page);

		ImgwireServerException ex = failure(noRetries().list(1, 10), ImgwireServerException.class);

		assertThat(ex.getDetail()).startsWith("<html><body><h1>502 Bad Gateway</h1>").hasSizeLessThan(2100);
		assertThat(ex.getMessage()).hasSizeLessThan(2300);
	}

	@Test
	void keysAndTokensEchoedByTheServerAreRedactedFromMessages() {
		ImgwireImagesClient client = clientBuilder(settings().withClientKey(emulator.clientKey()))
			.retryPolicy(ImgwireRetryPolicy.disabled())
			.build();
		UploadToken token = client.createUploadToken().block(TIMEOUT);
		String body = "{\"detail\":\"rejected " + emulator.serverKey() + " and " + emulator.clientKey() + " with "
				+ token.token() + "\",\"error_type\":\"InvalidTokenError\"}";
		emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).respondRaw(401, JSON, body);

		ImgwireAuthenticationException ex = failure(
				client.createStandardUpload(StandardUploadRequest.of("a.png"), token.token()),
				ImgwireAuthenticationException.class);

		assertThat(ex.getMessage()).contains("rejected <redacted>")
			.doesNotContain(emulator.serverKey())
			.doesNotContain(emulator.clientKey())
			.doesNotContain(token.token());
		assertThat(ex.getDetail()).doesNotContain(token.token());
		assertThat(ex.getPathTemplate()).isEqualTo("/api/v1/images/standard_upload");
	}

	@Test
	void aTransportFailureOnATokenUploadDoesNotCarryTheTokenAnywhereInItsChain() {
		ImgwireImagesClient client = clientBuilder(settings()).retryPolicy(ImgwireRetryPolicy.disabled()).build();
		UploadToken token = client.createUploadToken().block(TIMEOUT);
		emulator.faults().next(EmulatorOperation.STANDARD_UPLOAD, 1).resetConnection();

		ImgwireTransportException ex = failure(
				client.createStandardUpload(StandardUploadRequest.of("a.png"), token.token()),
				ImgwireTransportException.class);

		for (Throwable current = ex; current != null; current = current.getCause()) {
			assertThat(String.valueOf(current.getMessage())).doesNotContain(token.token());
			assertThat(current.toString()).doesNotContain(token.token());
		}
	}

	@Test
	void settingsNeverShowTheirKeys() {
		ImgwireClientSettings settings = settings().withClientKey(emulator.clientKey());

		assertThat(settings.toString()).doesNotContain(emulator.serverKey()).doesNotContain(emulator.clientKey());
		assertThat(client().toString()).doesNotContain(emulator.serverKey());
	}

	@Test
	void malformedJsonInASuccessfulAnswerIsAResponseException() {
		emulator.faults().next(EmulatorOperation.RETRIEVE, 1).respondRaw(200, JSON, "{\"id\": ");

		ImgwireResponseException ex = failure(noRetries().retrieve(UUID.randomUUID().toString()),
				ImgwireResponseException.class);

		assertThat(ex.getStatusCode()).isEqualTo(200);
		assertThat(ex.getMessage()).contains("GET /api/v1/images/{image_id}").contains("malformed");
	}

	@Test
	void anHtmlPageInASuccessfulAnswerIsAResponseException() {
		emulator.faults()
			.next(EmulatorOperation.LIST, 1)
			.respondRaw(200, Map.of("Content-Type", "text/html"), "<html>login</html>");

		ImgwireResponseException ex = failure(noRetries().list(1, 10), ImgwireResponseException.class);

		assertThat(ex.getMessage()).contains("markup");
	}

	@Test
	void anEmptySuccessfulAnswerWhereJsonIsExpectedIsAResponseException() {
		emulator.faults().next(EmulatorOperation.CREATE_UPLOAD_TOKEN, 1).respondRaw(200, Map.of(), "");

		ImgwireResponseException ex = failure(noRetries().createUploadToken(), ImgwireResponseException.class);

		assertThat(ex.getMessage()).contains("empty");
	}

	@Test
	void aSuccessfulAnswerOfTheWrongShapeIsAResponseException() {
		emulator.faults().next(EmulatorOperation.LIST, 1).respondRaw(200, JSON, "{\"items\":[]}");

		failure(noRetries().list(1, 10), ImgwireResponseException.class);
	}

	@Test
	void aBodyCutShortByTheConnectionIsATransportException() {
		ImgwireImagesClient client = noRetries();
		String id = uploadPng(client(), "cut.png").id().toString();
		emulator.faults().next(EmulatorOperation.RETRIEVE, 1).truncateBody();

		ImgwireTransportException ex = failure(client.retrieve(id), ImgwireTransportException.class);

		assertThat(ex.getMessage()).contains("/api/v1/images/{image_id}")
			.contains("closed before the response body was complete")
			.doesNotContain(id);
	}

	@Test
	void aResetConnectionIsATransportException() {
		emulator.faults().next(EmulatorOperation.LIST, 1).resetConnection();

		ImgwireTransportException ex = failure(noRetries().list(1, 10), ImgwireTransportException.class);

		assertThat(ex).isNotInstanceOf(ImgwireTimeoutException.class);
		assertThat(ex.getMethod()).isEqualTo("GET");
		assertThat(ex.getPathTemplate()).isEqualTo("/api/v1/images/");
	}

	@Test
	void aStallBeyondTheResponseTimeoutIsATimeoutException() {
		emulator.faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofSeconds(5));
		ImgwireImagesClient client = clientBuilder().retryPolicy(ImgwireRetryPolicy.disabled())
			.responseTimeout(Duration.ofMillis(300))
			.build();

		ImgwireTimeoutException ex = failure(client.list(1, 10), ImgwireTimeoutException.class);

		assertThat(ex.getMessage()).contains("GET /api/v1/images/").contains("timeout");
	}

	@Test
	void withAConnectorOtherThanReactorNettyTheResponseTimeoutStillApplies() {
		emulator.faults().next(EmulatorOperation.LIST, 1).stall(Duration.ofSeconds(5));
		ImgwireImagesClient client = ImgwireImagesClient
			.builder(WebClient.builder().clientConnector(new JdkClientHttpConnector()), settings())
			.retryPolicy(ImgwireRetryPolicy.disabled())
			.responseTimeout(Duration.ofMillis(300))
			.build();

		failure(client.list(1, 10), ImgwireTimeoutException.class);
	}

	@Test
	void anAnswerThatDripsOneByteAtATimeEndsAtTheResponseTimeout() {
		Image image = uploadPng(client(), "drip.png");
		// Each byte arrives well within the timeout, so only a deadline for the whole
		// answer ends the call; the body of an image takes minutes at this pace.
		emulator.faults().next(EmulatorOperation.RETRIEVE, 1).dripBody(1, Duration.ofMillis(100));
		ImgwireImagesClient client = clientBuilder().retryPolicy(ImgwireRetryPolicy.disabled())
			.responseTimeout(Duration.ofMillis(800))
			.build();

		ImgwireTimeoutException ex = failure(client.retrieve(image.id().toString()), ImgwireTimeoutException.class);

		assertThat(ex).hasMessage(
				"GET /api/v1/images/{image_id} failed: no complete response within the response timeout (800ms)");
		assertThat(emulator.faults().injected(EmulatorOperation.RETRIEVE)).isEqualTo(1);
	}

	@Test
	void aPresignedPutThatTakesTooLongEndsAtTheUploadTimeout() {
		emulator.faults().next(EmulatorOperation.PRESIGNED_PUT, 1).stall(Duration.ofSeconds(5));
		ImgwireImagesClient client = clientBuilder().retryPolicy(ImgwireRetryPolicy.disabled())
			.uploadTimeout(Duration.ofMillis(300))
			.build();

		ImgwireTimeoutException ex = failure(
				client.upload(UploadSource.fromBytes(TestImages.png()), UploadOptions.defaults().withFileName("t.png")),
				ImgwireTimeoutException.class);

		assertThat(ex.getMessage()).contains("PUT {upload_url}").contains("upload timeout (300ms)");
	}

	@Test
	void aRefusedConnectionIsATransportException() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		ImgwireImagesClient client = clientBuilder(ImgwireClientSettings.of("http://127.0.0.1:" + port, "sk_x"))
			.retryPolicy(ImgwireRetryPolicy.disabled())
			.build();

		ImgwireTransportException ex = failure(client.list(1, 10), ImgwireTransportException.class);

		assertThat(ex.getMessage()).contains("connection refused");
	}

	private ImgwireImagesClient noRetries() {
		return clientBuilder().retryPolicy(ImgwireRetryPolicy.disabled()).build();
	}

	static <E extends ImgwireException> E failure(Mono<?> mono, Class<E> type) {
		Throwable[] failure = new Throwable[1];
		StepVerifier.create(mono).expectErrorSatisfies((ex) -> failure[0] = ex).verify(TIMEOUT);
		assertThat(failure[0]).isInstanceOf(type);
		return type.cast(failure[0]);
	}

}
