package dev.imgwire.client.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 5xx: the API failed; these are retried where the request is safe to repeat.
 *
 * @author Imgwire
 */
public class ImgwireServerException extends ImgwireApiException {

	public ImgwireServerException(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate) {
		super(statusCode, errorType, detail, validationErrors, method, pathTemplate);
	}

	public ImgwireServerException(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate, @Nullable Duration retryAfter) {
		super(statusCode, errorType, detail, validationErrors, method, pathTemplate, retryAfter);
	}

}
