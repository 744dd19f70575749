package dev.imgwire.emulator;

/**
 * The operations the emulator serves. Faults and request counters are keyed by operation,
 * so a test can target "the next standard upload" without knowing URLs.
 *
 * @author imgwire
 */
public enum EmulatorOperation {

	/** {@code GET /api/v1/images/}. */
	LIST,

	/** {@code POST /api/v1/images/standard_upload}. */
	STANDARD_UPLOAD,

	/** {@code POST /api/v1/images/upload_via_url}. */
	UPLOAD_VIA_URL,

	/** {@code POST /api/v1/images/token}. */
	CREATE_UPLOAD_TOKEN,

	/** {@code POST /api/v1/images/downloads}. */
	CREATE_DOWNLOAD_JOB,

	/** {@code GET /api/v1/images/downloads/{image_download_job_id}}. */
	RETRIEVE_DOWNLOAD_JOB,

	/** {@code POST /api/v1/images/bulk_delete}. */
	BULK_DELETE,

	/** {@code GET /api/v1/images/{image_id}}. */
	RETRIEVE,

	/** {@code DELETE /api/v1/images/{image_id}}. */
	DELETE,

	/** {@code PUT} to a presigned {@code upload_url}. */
	PRESIGNED_PUT,

	/** {@code GET} of an image's {@code cdn_url}. */
	CDN,

	/** {@code GET} of a download job's {@code download_url}. */
	DOWNLOAD_ARCHIVE,

	/** {@code GET /api/v1/cors_origins/}. */
	LIST_CORS_ORIGINS,

	/** {@code POST /api/v1/cors_origins/}. */
	CREATE_CORS_ORIGIN,

	/** {@code GET /api/v1/cors_origins/{cors_origin_id}}. */
	RETRIEVE_CORS_ORIGIN,

	/** {@code PATCH /api/v1/cors_origins/{cors_origin_id}}. */
	UPDATE_CORS_ORIGIN,

	/** {@code DELETE /api/v1/cors_origins/{cors_origin_id}}. */
	DELETE_CORS_ORIGIN,

	/** {@code GET /api/v1/custom_domain/}. */
	RETRIEVE_CUSTOM_DOMAIN,

	/** {@code POST /api/v1/custom_domain/}. */
	CREATE_CUSTOM_DOMAIN,

	/** {@code DELETE /api/v1/custom_domain/}. */
	DELETE_CUSTOM_DOMAIN,

	/** {@code POST /api/v1/custom_domain/test_connection}. */
	TEST_CUSTOM_DOMAIN_CONNECTION,

	/** {@code GET /api/v1/metrics/datasets}. */
	METRICS_DATASETS,

	/** {@code GET /api/v1/metrics/stats}. */
	METRICS_STATS

}
