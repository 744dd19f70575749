package dev.imgwire.client.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.SupportedMimeType;
import dev.imgwire.client.model.UploadViaUrlRequest;
import dev.imgwire.client.upload.UploadOptions;

/**
 * Checks requests against the API's documented constraints before anything is sent. Each
 * failure is an {@link ImgwireRequestValidationException} naming the field (in wire form)
 * and the rule.
 * <p>
 * Longer than most classes: one small check per constrained field of the API, kept
 * together so that every rule and its message read alike.
 *
 * @author Imgwire
 */
public final class RequestValidator {

	/**
	 * Largest page size the API accepts.
	 */
	public static final int MAX_LIMIT = 100;

	/**
	 * Longest {@code hash_sha256}, {@code idempotency_key} and {@code purpose}.
	 */
	public static final int MAX_TEXT_LENGTH = 255;

	private RequestValidator() {
	}

	/**
	 * Check an image id.
	 * @param imageId the id
	 * @return the id, as a UUID
	 */
	public static UUID imageId(@Nullable String imageId) {
		return uuid("image_id", imageId);
	}

	/**
	 * Check a download job id.
	 * @param jobId the id
	 * @return the id, as a UUID
	 */
	public static UUID downloadJobId(@Nullable String jobId) {
		return uuid("image_download_job_id", jobId);
	}

	/**
	 * Check the ids of a bulk operation.
	 * @param imageIds the ids
	 * @return the ids, as UUIDs, in order
	 */
	public static List<UUID> imageIds(@Nullable Collection<String> imageIds) {
		if (imageIds == null) {
			throw invalid("image_ids", "must not be null");
		}
		if (imageIds.isEmpty()) {
			throw invalid("image_ids", "must contain at least one id");
		}
		List<UUID> ids = new ArrayList<>(imageIds.size());
		int index = 0;
		for (String id : imageIds) {
			ids.add(uuid("image_ids[" + index + "]", id));
			index++;
		}
		return Collections.unmodifiableList(ids);
	}

	/**
	 * Check a page number.
	 * @param page the page
	 */
	public static void page(int page) {
		if (page < 1) {
			throw invalid("page", "must be at least 1, was " + page);
		}
	}

	/**
	 * Check a page size.
	 * @param limit the page size
	 */
	public static void limit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw invalid("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
	}

	/**
	 * Check a standard upload.
	 * @param request the request
	 */
	public static void standardUpload(@Nullable StandardUploadRequest request) {
		if (request == null) {
			throw invalid("request", "must not be null");
		}
		fileName(request.fileName(), true);
		mimeType(request.mimeType());
		Long contentLength = request.contentLength();
		if (contentLength != null) {
			contentLength(contentLength);
		}
		text("hash_sha256", request.hashSha256());
		text("idempotency_key", request.idempotencyKey());
		text("purpose", request.purpose());
		customMetadata(request.customMetadata());
	}

	/**
	 * Check an upload via URL.
	 * @param request the request
	 */
	public static void uploadViaUrl(@Nullable UploadViaUrlRequest request) {
		if (request == null) {
			throw invalid("request", "must not be null");
		}
		url(request.url());
		fileName(request.fileName(), false);
		mimeType(request.mimeType());
		text("idempotency_key", request.idempotencyKey());
		text("purpose", request.purpose());
		customMetadata(request.customMetadata());
	}

	/**
	 * Check the options of the upload helper.
	 * @param options the options
	 */
	public static void uploadOptions(@Nullable UploadOptions options) {
		if (options == null) {
			throw invalid("options", "must not be null");
		}
		fileName(options.fileName(), false);
		mimeType(options.mimeType());
		text("idempotency_key", options.idempotencyKey());
		text("purpose", options.purpose());
		customMetadata(options.customMetadata());
	}

	/**
	 * Check a declared content length.
	 * @param contentLength the length
	 */
	public static void contentLength(long contentLength) {
		if (contentLength < 0) {
			throw invalid("content_length", "must be at least 0, was " + contentLength);
		}
	}

	/**
	 * Check an upload token.
	 * @param uploadToken the token; never echoed in the message
	 */
	public static void uploadToken(@Nullable String uploadToken) {
		if (uploadToken == null || uploadToken.isBlank()) {
			throw invalid("upload_token", "must not be blank");
		}
	}

	/**
	 * Check a timeout.
	 * @param field the parameter's name
	 * @param timeout the timeout
	 */
	public static void timeout(String field, @Nullable Duration timeout) {
		if (timeout == null || timeout.isZero() || timeout.isNegative()) {
			throw invalid(field, "must be a positive duration");
		}
	}

	/**
	 * Check that an argument is present.
	 * @param field the argument's name
	 * @param value the argument
	 */
	public static void notNull(String field, @Nullable Object value) {
		if (value == null) {
			throw invalid(field, "must not be null");
		}
	}

	/**
	 * Check an id.
	 * @param field the field, in wire form
	 * @param value the id
	 * @return the id, as a UUID
	 */
	public static UUID uuid(String field, @Nullable String value) {
		if (value == null) {
			throw invalid(field, "must not be null");
		}
		if (value.isBlank()) {
			throw invalid(field, "must not be blank");
		}
		// UUID.fromString accepts forms such as "1-1-1-1-1"; the API wants the canonical
		// one.
		if (!isCanonicalUuid(value)) {
			throw invalid(field, "must be a UUID");
		}
		return UUID.fromString(value);
	}

	/**
	 * Whether a text is a UUID in its canonical form: 36 characters, hex digits in groups
	 * of 8, 4, 4, 4 and 12 separated by hyphens, either case.
	 * @param value the text
	 * @return whether it is
	 */
	static boolean isCanonicalUuid(String value) {
		if (value.length() != 36) {
			return false;
		}
		for (int i = 0; i < 36; i++) {
			char c = value.charAt(i);
			boolean valid = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-'
					: (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
			if (!valid) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Check a text that the API requires to be non-empty.
	 * @param field the field, in wire form
	 * @param value the text
	 * @return the text
	 */
	public static String notBlank(String field, @Nullable String value) {
		if (value == null) {
			throw invalid(field, "must not be null");
		}
		if (value.isBlank()) {
			throw invalid(field, "must not be blank");
		}
		return value;
	}

	/**
	 * A failure naming a field and the rule it broke.
	 * @param field the field, in wire form
	 * @param rule the rule
	 * @return the exception to throw
	 */
	public static ImgwireRequestValidationException invalid(String field, String rule) {
		return new ImgwireRequestValidationException(field, rule);
	}

	private static void fileName(@Nullable String fileName, boolean required) {
		if (fileName == null) {
			if (required) {
				throw invalid("file_name", "must not be null");
			}
			return;
		}
		if (fileName.isBlank()) {
			throw invalid("file_name", "must not be empty");
		}
	}

	private static void mimeType(@Nullable SupportedMimeType mimeType) {
		if (mimeType == SupportedMimeType.UNKNOWN) {
			throw invalid("mime_type", "must be a type the API supports, not UNKNOWN");
		}
	}

	private static void text(String field, @Nullable String value) {
		if (value == null) {
			return;
		}
		int length = value.codePointCount(0, value.length());
		if (length < 1 || length > MAX_TEXT_LENGTH) {
			throw invalid(field, "length must be between 1 and " + MAX_TEXT_LENGTH + " characters, was " + length);
		}
	}

	private static void url(@Nullable String url) {
		if (url == null || url.isBlank()) {
			throw invalid("url", "must not be blank");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw invalid("url", "must be a valid URI");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || scheme == null) {
			throw invalid("url", "must be an absolute http or https URL");
		}
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw invalid("url", "scheme must be http or https");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			throw invalid("url", "must have a host");
		}
	}

	private static void customMetadata(@Nullable Map<String, Object> metadata) {
		if (metadata == null) {
			return;
		}
		for (Map.Entry<String, Object> entry : metadata.entrySet()) {
			String key = entry.getKey();
			if (key == null || key.isEmpty()) {
				throw invalid("custom_metadata", "keys must not be empty");
			}
			String field = "custom_metadata." + key;
			Object value = entry.getValue();
			if (value == null) {
				throw invalid(field, "must not be null");
			}
			if (value instanceof Double number && !Double.isFinite(number)
					|| value instanceof Float floatNumber && !Float.isFinite(floatNumber)) {
				throw invalid(field, "must be a finite number");
			}
			if (!isScalar(value)) {
				throw invalid(field, "must be a string, integer, number or boolean, not "
						+ (value instanceof Map ? "a map" : (value instanceof Collection || value.getClass().isArray())
								? "a collection" : value.getClass().getSimpleName()));
			}
		}
	}

	private static boolean isScalar(Object value) {
		return value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
				|| value instanceof Short || value instanceof Byte || value instanceof BigInteger
				|| value instanceof Float || value instanceof Double || value instanceof BigDecimal;
	}

}
