package dev.imgwire.client.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 401 Unauthorized: the key or upload token is missing, invalid or expired.
 *
 * @author Imgwire
 */
public class ImgwireAuthenticationException extends ImgwireApiException {

	public ImgwireAuthenticationException(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate) {
		super(statusCode, errorType, detail, validationErrors, method, pathTemplate);
	}

}
