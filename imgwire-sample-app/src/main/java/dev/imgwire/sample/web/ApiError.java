package dev.imgwire.sample.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The body of every error answer of {@code /api/**}.
 *
 * @param error what went wrong, in words the page can show
 * @param field the request field at fault, for validation errors
 * @author Imgwire
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, @Nullable String field) {

	public static ApiError of(@Nullable String error) {
		return of(error, null);
	}

	public static ApiError of(@Nullable String error, @Nullable String field) {
		return new ApiError((error != null) ? error : "The request failed.", field);
	}

}
