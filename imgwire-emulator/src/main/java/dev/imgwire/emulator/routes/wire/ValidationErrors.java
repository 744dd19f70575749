package dev.imgwire.emulator.routes.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects request validation errors in FastAPI's {@code HTTPValidationError} shape:
 * {@code {"detail": [{"loc": [...], "msg": "...", "type": "..."}]}}, with pydantic's
 * messages and error types.
 *
 * @author imgwire
 */
public final class ValidationErrors {

	private final List<Map<String, Object>> errors = new ArrayList<>();

	public ValidationErrors add(String type, String message, Object... location) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("loc", Arrays.asList(location));
		error.put("msg", message);
		error.put("type", type);
		this.errors.add(error);
		return this;
	}

	public boolean isEmpty() {
		return this.errors.isEmpty();
	}

	public void throwIfAny() {
		if (!isEmpty()) {
			throw new ValidationException(this);
		}
	}

	public static ValidationException single(String type, String message, Object... location) {
		return new ValidationException(new ValidationErrors().add(type, message, location));
	}

	Map<String, Object> body() {
		return Map.of("detail", this.errors);
	}

}
