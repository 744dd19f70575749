package dev.imgwire.client.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 429 Too Many Requests, with the wait the API asked for in {@code Retry-After}.
 *
 * @author Imgwire
 */
public class ImgwireRateLimitException extends ImgwireApiException {

	public ImgwireRateLimitException(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate, @Nullable Duration retryAfter) {
		super(statusCode, errorType, detail, validationErrors, method, pathTemplate, retryAfter);
	}

}
