package dev.imgwire.client;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;

/**
 * The operations of the Imgwire API as the client names them in observations, errors and
 * retry decisions: the one descriptor of each operation. Names are low cardinality; path
 * templates never contain an id, key or token.
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
	 * {@code DELETE /api/v1/images/{image_id}}; deleting twice leaves the same state, so
	 * a retry answered 404 is done.
	 */
	DELETE("images.delete", HttpMethod.DELETE, "/api/v1/images/{image_id}", true, 404),

	/**
	 * {@code POST /api/v1/images/bulk_delete}; idempotent although it is a POST, so a
	 * retry answered 404 is done.
	 */
	BULK_DELETE("images.bulk_delete", HttpMethod.POST, "/api/v1/images/bulk_delete", true, 404),

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
	 * {@code POST /api/v1/images/downloads}; a repeat would start a second job, so it is
	 * never retried.
	 */
	CREATE_DOWNLOAD_JOB("images.create_download_job", HttpMethod.POST, "/api/v1/images/downloads", false),

	/**
	 * {@code GET /api/v1/images/downloads/{image_download_job_id}}.
	 */
	RETRIEVE_DOWNLOAD_JOB("images.retrieve_download_job", HttpMethod.GET,
			"/api/v1/images/downloads/{image_download_job_id}", true),

	/**
	 * The unauthenticated {@code PUT} of the bytes to the presigned upload URL. Retried
	 * only when the upload source can be read again; a retry answered 409 found the bytes
	 * of an earlier attempt.
	 */
	PUT_BYTES("images.put", HttpMethod.PUT, "{upload_url}", true, 409),

	/**
	 * The upload helper: {@link #CREATE} followed by {@link #PUT_BYTES}. Not a request of
	 * its own, so it has no method or path and is never retried as a whole.
	 */
	UPLOAD("images.upload", null, null, false),

	/**
	 * {@code GET /api/v1/cors_origins/}.
	 */
	LIST_CORS_ORIGINS("cors_origins.list", HttpMethod.GET, "/api/v1/cors_origins/", true),

	/**
	 * {@code POST /api/v1/cors_origins/}; the API takes no idempotency key for it, so it
	 * is never retried.
	 */
	CREATE_CORS_ORIGIN("cors_origins.create", HttpMethod.POST, "/api/v1/cors_origins/", false),

	/**
	 * {@code GET /api/v1/cors_origins/{cors_origin_id}}.
	 */
	RETRIEVE_CORS_ORIGIN("cors_origins.retrieve", HttpMethod.GET, "/api/v1/cors_origins/{cors_origin_id}", true),

	/**
	 * {@code PATCH /api/v1/cors_origins/{cors_origin_id}}; setting the same pattern twice
	 * leaves the same state.
	 */
	UPDATE_CORS_ORIGIN("cors_origins.update", HttpMethod.PATCH, "/api/v1/cors_origins/{cors_origin_id}", true),

	/**
	 * {@code DELETE /api/v1/cors_origins/{cors_origin_id}}; a retry answered 404 is done.
	 */
	DELETE_CORS_ORIGIN("cors_origins.delete", HttpMethod.DELETE, "/api/v1/cors_origins/{cors_origin_id}", true, 404),

	/**
	 * {@code GET /api/v1/custom_domain/}.
	 */
	RETRIEVE_CUSTOM_DOMAIN("custom_domain.retrieve", HttpMethod.GET, "/api/v1/custom_domain/", true),

	/**
	 * {@code POST /api/v1/custom_domain/}; the API takes no idempotency key for it, so it
	 * is never retried.
	 */
	CREATE_CUSTOM_DOMAIN("custom_domain.create", HttpMethod.POST, "/api/v1/custom_domain/", false),

	/**
	 * {@code DELETE /api/v1/custom_domain/}; a retry answered 404 is done.
	 */
	DELETE_CUSTOM_DOMAIN("custom_domain.delete", HttpMethod.DELETE, "/api/v1/custom_domain/", true, 404),

	/**
	 * {@code POST /api/v1/custom_domain/test_connection}; a check that may be repeated.
	 */
	TEST_CUSTOM_DOMAIN_CONNECTION("custom_domain.test_connection", HttpMethod.POST,
			"/api/v1/custom_domain/test_connection", true),

	/**
	 * {@code GET /api/v1/metrics/datasets}.
	 */
	METRICS_DATASETS("metrics.datasets", HttpMethod.GET, "/api/v1/metrics/datasets", true),

	/**
	 * {@code GET /api/v1/metrics/stats}.
	 */
	METRICS_STATS("metrics.stats", HttpMethod.GET, "/api/v1/metrics/stats", true);

	private final String observationName;

	private final @Nullable HttpMethod method;

	private final @Nullable String pathTemplate;

	private final boolean retryable;

	private final int alreadyDoneStatus;

	ImgwireOperation(String observationName, @Nullable HttpMethod method, @Nullable String pathTemplate,
			boolean retryable) {
		this(observationName, method, pathTemplate, retryable, 0);
	}

	ImgwireOperation(String observationName, @Nullable HttpMethod method, @Nullable String pathTemplate,
			boolean retryable, int alreadyDoneStatus) {
		this.observationName = observationName;
		this.method = method;
		this.pathTemplate = pathTemplate;
		this.retryable = retryable;
		this.alreadyDoneStatus = alreadyDoneStatus;
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

	/**
	 * Whether a status is what a retry meets when an earlier attempt, whose answer was
	 * lost, already had the effect: 404 for a delete, 409 for the presigned {@code PUT}.
	 * The same status on the first attempt is a real failure.
	 * @param status the status of a retry's answer
	 * @return {@code true} when the earlier attempt already did the work
	 */
	public boolean isAlreadyDone(int status) {
		return this.alreadyDoneStatus != 0 && this.alreadyDoneStatus == status;
	}

}
