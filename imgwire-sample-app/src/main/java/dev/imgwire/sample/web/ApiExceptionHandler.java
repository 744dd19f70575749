package dev.imgwire.sample.web;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwireProcessingException;
import dev.imgwire.client.error.ImgwireRateLimitException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireTimeoutException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.client.error.ImgwireValidationException;
import dev.imgwire.client.error.ValidationError;
import dev.imgwire.sample.ratelimit.RateLimitDecision;

/**
 * Turns failures of {@code /api/**} into an HTTP status and a {@code {"error": ...}} body
 * that the page shows as it is.
 *
 * <ul>
 * <li>the request was invalid (checked by the client before sending, or refused by
 * Imgwire with 422): 400, naming the field;</li>
 * <li>no such image: 404;</li>
 * <li>Imgwire rate limiting this app: 429 with {@code Retry-After} (the sample's own
 * per-user limit answers the same way, from {@code UploadRateLimitWebFilter});</li>
 * <li>Imgwire failed, refused our Server Key, or could not be reached: 502, or 504 when
 * it did not answer in time. Our own credentials being refused is not the browser's
 * fault, so it is not passed on as 401/403.</li>
 * <li>an import by URL that failed for any reason but a rate limit: 502 with one short,
 * fixed message. Imgwire's own words would say whether something answered at that address
 * ("Connection refused", "HTTP status 401"), which would let a user probe the network
 * Imgwire fetches from; they go to the log instead, with the URL's credentials and query
 * left out.</li>
 * </ul>
 *
 * @author Imgwire
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
public final class ApiExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	/** What the browser hears whenever Imgwire could not import an image by URL. */
	static final String URL_NOT_FETCHED = "The image could not be fetched from that URL.";

	private static final String URL_IMPORT_PATH = Objects
		.requireNonNull(ImgwireOperation.UPLOAD_VIA_URL.pathTemplate());

	// scheme://[userinfo@]rest[?query][#fragment], for redacting URLs in log lines.
	private static final Pattern URL = Pattern
		.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/\\s?#@]*@)?([^\\s?#]*)(\\?[^\\s#]*)?(#\\S*)?");

	@ExceptionHandler
	ResponseEntity<ApiError> requestValidation(ImgwireRequestValidationException ex) {
		return ResponseEntity.badRequest().body(ApiError.of(ex.getMessage(), ex.getField()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> apiValidation(ImgwireValidationException ex) {
		if (isUrlImport(ex.getPathTemplate())) {
			return urlNotFetched(ex);
		}
		String field = ex.getValidationErrors().stream().findFirst().map(ApiExceptionHandler::fieldOf).orElse(null);
		String message = ex.getValidationErrors().isEmpty() ? String.valueOf(ex.getDetail())
				: ex.getValidationErrors()
					.stream()
					.map((error) -> fieldOf(error) + ": " + error.msg())
					.collect(Collectors.joining("; "));
		return ResponseEntity.badRequest().body(new ApiError("Imgwire refused the request: " + message, field));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> notFound(ImgwireNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("No such image"));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> upstreamRateLimit(ImgwireRateLimitException ex) {
		Duration retryAfter = (ex.getRetryAfter() != null) ? ex.getRetryAfter() : Duration.ofSeconds(1);
		long seconds = RateLimitDecision.deny(retryAfter).retryAfterSeconds();
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(ApiError.of("Imgwire is rate limiting this app: try again in " + seconds + " s"));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> processing(ImgwireProcessingException ex) {
		// Still PENDING or PROCESSING when the wait ran out is a timeout; FAILED or
		// QUARANTINE is Imgwire's verdict.
		boolean gaveUpWaiting = !"FAILED".equals(ex.getLastStatus()) && !"QUARANTINE".equals(ex.getLastStatus());
		HttpStatus status = gaveUpWaiting ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
		return ResponseEntity.status(status).body(ApiError.of(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> timeout(ImgwireTimeoutException ex) {
		if (isUrlImport(ex.getPathTemplate())) {
			return urlNotFetched(ex);
		}
		return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
			.body(ApiError.of("Imgwire did not answer in time: " + ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> upstream(ImgwireApiException ex) {
		if (isUrlImport(ex.getPathTemplate())) {
			return urlNotFetched(ex);
		}
		logger.warn("Imgwire call failed: " + ex.getMessage());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
			.body(ApiError.of("Imgwire failed (HTTP " + ex.getStatusCode() + ")"
					+ ((ex.getDetail() != null) ? ": " + ex.getDetail() : "")));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> otherClientFailure(ImgwireException ex) {
		if (ex instanceof ImgwireTransportException transport && isUrlImport(transport.getPathTemplate())) {
			return urlNotFetched(ex);
		}
		logger.warn("Imgwire call failed: " + ex.getMessage());
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(ApiError.of("Imgwire failed: " + ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> clientKeyMissing(ClientKeyMissingException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ApiError.of(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ApiError> badInput(ServerWebInputException ex) {
		return ResponseEntity.badRequest().body(ApiError.of("Invalid request: " + ex.getReason()));
	}

	private static boolean isUrlImport(String pathTemplate) {
		return URL_IMPORT_PATH.equals(pathTemplate);
	}

	private static ResponseEntity<ApiError> urlNotFetched(ImgwireException ex) {
		logger.warn("Imgwire could not import an image by URL: " + redactUrls(ex.getMessage()));
		return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(ApiError.of(URL_NOT_FETCHED));
	}

	/**
	 * The text with the user info, query and fragment of every URL in it replaced, so
	 * that credentials or signatures in a URL someone asked to import stay out of the
	 * log.
	 * @param text the text, such as Imgwire's error detail
	 * @return the text with URLs redacted
	 */
	static String redactUrls(@Nullable String text) {
		if (text == null) {
			return "";
		}
		Matcher matcher = URL.matcher(text);
		StringBuilder redacted = new StringBuilder();
		while (matcher.find()) {
			String replacement = matcher.group(1) + ((matcher.group(2) != null) ? "<redacted>@" : "") + matcher.group(3)
					+ ((matcher.group(4) != null) ? "?<redacted>" : "")
					+ ((matcher.group(5) != null) ? "#<redacted>" : "");
			matcher.appendReplacement(redacted, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(redacted);
		return redacted.toString();
	}

	private static String fieldOf(ValidationError error) {
		// FastAPI prefixes the location with "body", "query" or "path"; the field is what
		// follows.
		return error.loc()
			.stream()
			.skip((error.loc().size() > 1) ? 1 : 0)
			.map(String::valueOf)
			.collect(Collectors.joining("."));
	}

}
