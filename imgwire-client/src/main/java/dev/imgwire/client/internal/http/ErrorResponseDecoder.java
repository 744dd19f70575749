package dev.imgwire.client.internal.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Contract;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;

import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireAuthenticationException;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwirePermissionException;
import dev.imgwire.client.error.ImgwireRateLimitException;
import dev.imgwire.client.error.ImgwireServerException;
import dev.imgwire.client.error.ImgwireValidationException;
import dev.imgwire.client.error.ValidationError;

/**
 * Turns an error answer into the matching {@link ImgwireApiException} subtype. Reads at
 * most {@value #MAX_BODY_BYTES} bytes of the body, once, and keeps at most
 * {@value #MAX_DETAIL_CHARS} characters of it in the message. {@code detail} may be a
 * string (domain errors) or a list of {@code {loc, msg, type}} (422).
 *
 * @author Imgwire
 */
public final class ErrorResponseDecoder {

	static final int MAX_BODY_BYTES = 64 * 1024;

	static final int MAX_DETAIL_CHARS = 2048;

	private static final int MAX_VALIDATION_ERRORS = 50;

	private final JsonCodec json;

	public ErrorResponseDecoder(JsonCodec json) {
		this.json = json;
	}

	/**
	 * Read an error answer.
	 * @param response the answer, with a status that is not 2xx
	 * @param method the request's method
	 * @param pathTemplate the request's path template
	 * @param redactor removes secrets from the server's text
	 * @return the exception, never empty
	 */
	public Mono<ImgwireApiException> decode(ClientResponse response, String method, String pathTemplate,
			SecretRedactor redactor) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		return readBounded(response).defaultIfEmpty(new byte[0])
			// A body cut short still leaves the status, which says most.
			.onErrorResume((ex) -> Mono.just(new byte[0]))
			.map((body) -> create(status, headers, body, method, pathTemplate, redactor));
	}

	private static Mono<byte[]> readBounded(ClientResponse response) {
		return DataBufferUtils
			.join(DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES))
			.map(DataBuffers::toBytesAndRelease);
	}

	ImgwireApiException create(int status, HttpHeaders headers, byte[] body, String method, String pathTemplate,
			SecretRedactor redactor) {
		String errorType = null;
		String detail = null;
		List<ValidationError> validationErrors = new ArrayList<>();
		JsonNode tree = parse(body);
		if (tree != null && tree.isObject()) {
			JsonNode typeNode = tree.path("error_type");
			if (typeNode.isString()) {
				errorType = truncate(redactor.redact(typeNode.stringValue()), 200);
			}
			JsonNode detailNode = tree.path("detail");
			if (detailNode.isString()) {
				detail = detailNode.stringValue();
			}
			else if (detailNode.isArray()) {
				for (JsonNode entry : detailNode) {
					if (validationErrors.size() == MAX_VALIDATION_ERRORS) {
						break;
					}
					validationErrors.add(validationError(entry, redactor));
				}
			}
			else if (!detailNode.isMissingNode() && !detailNode.isNull()) {
				detail = detailNode.toString();
			}
		}
		else if (body.length > 0) {
			// Not JSON (a proxy's HTML page, plain text): keep the start of it.
			detail = new String(body, StandardCharsets.UTF_8).strip();
		}
		detail = truncate(redactor.redact(detail), MAX_DETAIL_CHARS);
		if (detail != null && detail.isEmpty()) {
			detail = null;
		}
		Duration retryAfter = RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER));
		return switch (status) {
			case 401 ->
				new ImgwireAuthenticationException(status, errorType, detail, validationErrors, method, pathTemplate);
			case 403 ->
				new ImgwirePermissionException(status, errorType, detail, validationErrors, method, pathTemplate);
			case 404 -> new ImgwireNotFoundException(status, errorType, detail, validationErrors, method, pathTemplate);
			case 422 ->
				new ImgwireValidationException(status, errorType, detail, validationErrors, method, pathTemplate);
			case 429 -> new ImgwireRateLimitException(status, errorType, detail, validationErrors, method, pathTemplate,
					retryAfter);
			default -> (status >= 500 && status < 600)
					? new ImgwireServerException(status, errorType, detail, validationErrors, method, pathTemplate,
							retryAfter)
					: new ImgwireApiException(status, errorType, detail, validationErrors, method, pathTemplate,
							retryAfter);
		};
	}

	private @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static ValidationError validationError(JsonNode entry, SecretRedactor redactor) {
		List<Object> loc = new ArrayList<>();
		for (JsonNode part : entry.path("loc")) {
			loc.add(part.isIntegralNumber() ? (Object) part.numberValue() : truncate(redactor.redact(text(part)), 200));
		}
		String msg = truncate(redactor.redact(text(entry.path("msg"))), 500);
		String type = truncate(redactor.redact(text(entry.path("type"))), 200);
		return new ValidationError(loc, msg, type);
	}

	private static String text(JsonNode node) {
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isMissingNode() || node.isNull()) {
			return "";
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	@Contract("!null, _ -> !null")
	private static @Nullable String truncate(@Nullable String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max) + "… (truncated)";
	}

}
