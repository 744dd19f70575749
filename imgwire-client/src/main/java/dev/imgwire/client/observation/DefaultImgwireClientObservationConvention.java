package dev.imgwire.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.error.ImgwireResponseException;
import dev.imgwire.client.error.ImgwireTransportException;
import dev.imgwire.client.error.ImgwireUploadException;
import dev.imgwire.client.observation.ImgwireObservationDocumentation.HighCardinalityKeyNames;
import dev.imgwire.client.observation.ImgwireObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default {@link ImgwireClientObservationConvention}. Each key value comes from its
 * own protected method, so a subclass can change one without repeating the others. Image
 * ids appear only as high-cardinality values.
 *
 * @author Imgwire
 */
public class DefaultImgwireClientObservationConvention implements ImgwireClientObservationConvention {

	/**
	 * Name of the operation observations.
	 */
	public static final String REQUESTS_NAME = "imgwire.client.requests";

	/**
	 * Name of the retry observations.
	 */
	public static final String RETRIES_NAME = "imgwire.client.retries";

	/**
	 * A shared instance.
	 */
	public static final DefaultImgwireClientObservationConvention INSTANCE = new DefaultImgwireClientObservationConvention();

	private static final String NONE = "NONE";

	/**
	 * The name of operation observations. Retry observations reuse this convention's key
	 * values under the name {@value #RETRIES_NAME}.
	 * @return {@value #REQUESTS_NAME}
	 */
	@Override
	public String getName() {
		return REQUESTS_NAME;
	}

	@Override
	public String getContextualName(ImgwireClientObservationContext context) {
		String name = context.getOperation().observationName();
		return context.isRetry() ? name + " retry" : name;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ImgwireClientObservationContext context) {
		KeyValues keyValues = KeyValues.of(operation(context), outcome(context), status(context), errorType(context));
		return context.isRetry() ? keyValues.and(retryReason(context)) : keyValues;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ImgwireClientObservationContext context) {
		KeyValues keyValues = KeyValues.of(attempts(context));
		if (context.getImageId() != null) {
			keyValues = keyValues.and(imageId(context));
		}
		if (!context.isRetry() && context.getUploadedBytes() >= 0) {
			keyValues = keyValues.and(uploadedBytes(context));
		}
		return keyValues;
	}

	protected KeyValue operation(ImgwireClientObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation().observationName());
	}

	protected KeyValue outcome(ImgwireClientObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcomeOf(context));
	}

	private String outcomeOf(ImgwireClientObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return context.isCancelled() ? "UNKNOWN" : "SUCCESS";
		}
		if (error instanceof ImgwireRequestValidationException || error instanceof ImgwireUploadException) {
			return "INVALID_REQUEST";
		}
		if (error instanceof ImgwireTransportException) {
			return "TRANSPORT_ERROR";
		}
		int status = (error instanceof ImgwireApiException apiException) ? apiException.getStatusCode()
				: (error instanceof ImgwireResponseException responseException) ? responseException.getStatusCode() : 0;
		if (status >= 400 && status < 500) {
			return "CLIENT_ERROR";
		}
		if (status >= 500 && status < 600) {
			return "SERVER_ERROR";
		}
		return "UNKNOWN";
	}

	protected KeyValue status(ImgwireClientObservationContext context) {
		Integer status = context.getStatus();
		if (status == null && context.getError() instanceof ImgwireApiException apiException) {
			status = apiException.getStatusCode();
		}
		return KeyValue.of(LowCardinalityKeyNames.STATUS, (status != null) ? String.valueOf(status) : NONE);
	}

	protected KeyValue errorType(ImgwireClientObservationContext context) {
		Throwable error = context.getError();
		return KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE,
				(error != null) ? error.getClass().getSimpleName() : "none");
	}

	protected KeyValue retryReason(ImgwireClientObservationContext context) {
		String reason = context.getRetryReason();
		return KeyValue.of(LowCardinalityKeyNames.RETRY_REASON, (reason != null) ? reason : "none");
	}

	protected KeyValue imageId(ImgwireClientObservationContext context) {
		String imageId = context.getImageId();
		return KeyValue.of(HighCardinalityKeyNames.IMAGE_ID, (imageId != null) ? imageId : "none");
	}

	protected KeyValue attempts(ImgwireClientObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.ATTEMPTS, String.valueOf(context.getAttempts()));
	}

	protected KeyValue uploadedBytes(ImgwireClientObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.UPLOADED_BYTES, String.valueOf(context.getUploadedBytes()));
	}

}
