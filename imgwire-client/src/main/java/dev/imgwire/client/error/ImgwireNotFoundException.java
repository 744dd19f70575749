package dev.imgwire.client.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 404 Not Found: no such image or job.
 *
 * @author Imgwire
 */
public class ImgwireNotFoundException extends ImgwireApiException {

	public ImgwireNotFoundException(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate) {
		super(statusCode, errorType, detail, validationErrors, method, pathTemplate);
	}

}
