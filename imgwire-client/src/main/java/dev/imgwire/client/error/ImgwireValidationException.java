package dev.imgwire.client.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 422 Unprocessable Entity: the API rejected the request body or parameters.
 *
 * @author Imgwire
 */
public class ImgwireValidationException extends ImgwireApiException {

	public ImgwireValidationException(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate) {
		super(statusCode, errorType, detail, validationErrors, method, pathTemplate);
	}

}
