package dev.imgwire.client;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The operations of the Imgwire Images API as the client names them in observations,
 * errors and retry decisions. Names are low cardinality; path templates never contain
 * an id, key or token.
 *
 * @author Imgwire
 */
public enum ImgwireOperation {

	/**
	 * {@code GET /api/v1/images/}.
	 */
	LIST("images.list", HttpMethod.GET, "/api/v1/images/", true),

	/**
	 * {@code GET /api/v1/images/{image_id}}.
	 */
	RETRIEVE("images.retrieve", HttpMethod.GET, "/api/v1/images/{image_id}", true),

	/**
	 * {@code DELETE /api/v1/images/{image_id}}; deleting twice leaves the same state.
	 */
	DELETE("images.delete", HttpMethod.DELETE, "/api/v1/images/{image_id}", true),

	/**
	 * {@code POST /api/v1/images/bulk_delete}; idempotent although it is a POST.
	 */
	BULK_DELETE("images.bulk_delete", HttpMethod.POST, "/api/v1/images/bulk_delete", true),

	/**
	 * {@code POST /api/v1/images/standard_upload}; safe to repeat because the client
	 * always sends an idempotency key.
	 */
	CREATE("images.create", HttpMethod.POST, "/api/v1/images/standard_upload", true),

	/**
	 * {@code POST /api/v1/images/upload_via_url}; safe to repeat because the client
	 * always sends an idempotency key.
	 */
	UPLOAD_VIA_URL("images.upload_via_url", HttpMethod.POST, "/api/v1/images/upload_via_url", true),

	/**
	 * {@code POST /api/v1/images/token}; a repeat would mint a second token, so it is
	 * never retried.
	 */
	CREATE_UPLOAD_TOKEN("images.create_upload_token", HttpMethod.POST, "/api/v1/images/token", false),

	/**
	 * {@code POST /api/v1/images/downloads}; a repeat would start a second job, so it
	 * is never retried.
	 */
	CREATE_DOWNLOAD_JOB("images.create_download_job", HttpMethod.POST, "/api/v1/images/downloads", false),

	/**
	 * {@code GET /api/v1/images/downloads/{image_download_job_id}}.
	 */
	RETRIEVE_DOWNLOAD_JOB("images.retrieve_download_job", HttpMethod.GET,
			"/api/v1/images/downloads/{image_download_job_id}", true),

	/**
	 * The unauthenticated {@code PUT} of the bytes to the presigned upload URL. Retried
	 * only when the upload source can be read again.
	 */
	PUT_BYTES("images.put", HttpMethod.PUT, "{upload_url}", true),

	/**
	 * The upload helper: {@link #CREATE} followed by {@link #PUT_BYTES}. Not a request
	 * of its own, so it has no method or path and is never retried as a whole.
	 */
	UPLOAD("images.upload", null, null, false);

	private final String observationName;

	private final @Nullable HttpMethod method;

	private final @Nullable String pathTemplate;

	private final boolean retryable;

	ImgwireOperation(String observationName, @Nullable HttpMethod method, @Nullable String pathTemplate,
			boolean retryable) {
		this.observationName = observationName;
		this.method = method;
		this.pathTemplate = pathTemplate;
		this.retryable = retryable;
	}

	/**
	 * The low-cardinality name used as the {@code imgwire.operation} key value, for
	 * example {@code images.retrieve}.
	 * @return the name
	 */
	public String observationName() {
		return this.observationName;
	}

	/**
	 * The HTTP method.
	 * @return the method, or {@code null} for {@link #UPLOAD}
	 */
	public @Nullable HttpMethod method() {
		return this.method;
	}

	/**
	 * The path template, without query parameters.
	 * @return the template, or {@code null} for {@link #UPLOAD}
	 */
	public @Nullable String pathTemplate() {
		return this.pathTemplate;
	}

	/**
	 * Whether repeating the request cannot change the outcome, so that a failed attempt
	 * may be sent again.
	 * @return {@code true} when the operation may be retried
	 */
	public boolean isRetryable() {
		return this.retryable;
	}

}
