package dev.imgwire.client.error;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The API answered with an error status. Carries the status, the API's {@code error_type}
 * and {@code detail}, and the operation as method plus path template (never an expanded
 * path, key or token).
 *
 * @author Imgwire
 */
public class ImgwireApiException extends ImgwireException {

	private final int statusCode;

	private final @Nullable String errorType;

	private final @Nullable String detail;

	private final List<ValidationError> validationErrors;

	private final String method;

	private final String pathTemplate;

	private final @Nullable Duration retryAfter;

	public ImgwireApiException(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate) {
		this(statusCode, errorType, detail, validationErrors, method, pathTemplate, null);
	}

	public ImgwireApiException(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate, @Nullable Duration retryAfter) {
		super(message(statusCode, errorType, detail, validationErrors, method, pathTemplate));
		this.statusCode = statusCode;
		this.errorType = errorType;
		this.detail = detail;
		this.validationErrors = List.copyOf(validationErrors);
		this.method = method;
		this.pathTemplate = pathTemplate;
		this.retryAfter = retryAfter;
	}

	private static String message(int statusCode, @Nullable String errorType, @Nullable String detail,
			List<ValidationError> validationErrors, String method, String pathTemplate) {
		StringBuilder message = new StringBuilder().append(method)
			.append(' ')
			.append(pathTemplate)
			.append(" failed with HTTP ")
			.append(statusCode);
		if (errorType != null) {
			message.append(' ').append(errorType);
		}
		if (detail != null) {
			message.append(": ").append(detail);
		}
		for (ValidationError error : validationErrors) {
			message.append("; ")
				.append(String.join(".", error.loc().stream().map(String::valueOf).toList()))
				.append(": ")
				.append(error.msg());
		}
		return message.toString();
	}

	/**
	 * The HTTP status code of the answer.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * The API's {@code error_type}, for example {@code ResourceNotFoundError}.
	 * @return the error type, or {@code null} when the body had none
	 */
	public @Nullable String getErrorType() {
		return this.errorType;
	}

	/**
	 * The API's {@code detail} when it was a string (possibly truncated).
	 * @return the detail, or {@code null}
	 */
	public @Nullable String getDetail() {
		return this.detail;
	}

	/**
	 * The API's {@code detail} when it was a 422 list of {@code {loc, msg, type}}.
	 * @return the validation errors, empty otherwise
	 */
	public List<ValidationError> getValidationErrors() {
		return this.validationErrors;
	}

	/**
	 * The wait the API asked for in a {@code Retry-After} header, as sent with a 429 or a
	 * 503.
	 * @return the delay, or {@code null} when the header was absent or unreadable
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * The HTTP method of the failed request.
	 * @return the method, for example {@code GET}
	 */
	public String getMethod() {
		return this.method;
	}

	/**
	 * The path template of the failed request, for example
	 * {@code /api/v1/images/{image_id}}.
	 * @return the path template
	 */
	public String getPathTemplate() {
		return this.pathTemplate;
	}

}
