package dev.imgwire.client.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * 403 Forbidden: the key may not perform this operation.
 *
 * @author Imgwire
 */
public class ImgwirePermissionException extends ImgwireApiException {

	public ImgwirePermissionException(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate) {
		super(statusCode, errorType, detail, validationErrors, method, pathTemplate);
	}

}
