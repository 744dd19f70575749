package dev.imgwire.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the Imgwire client.
 *
 * @author Imgwire
 */
public enum ImgwireObservationDocumentation implements ObservationDocumentation {

	/**
	 * One Imgwire operation, with all its attempts. The upload helper is one
	 * {@code images.upload} observation with {@code images.create} and {@code images.put}
	 * children.
	 */
	CLIENT_REQUESTS {

		@Override
		public String getName() {
			return DefaultImgwireClientObservationConvention.REQUESTS_NAME;
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultImgwireClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.OPERATION, LowCardinalityKeyNames.OUTCOME,
					LowCardinalityKeyNames.STATUS, LowCardinalityKeyNames.ERROR_TYPE };
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	},

	/**
	 * The back-off wait before one retry; its duration is the wait.
	 */
	CLIENT_RETRIES {

		@Override
		public String getName() {
			return DefaultImgwireClientObservationConvention.RETRIES_NAME;
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultImgwireClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return new KeyName[] { HighCardinalityKeyNames.IMAGE_ID, HighCardinalityKeyNames.ATTEMPTS };
		}

	};

	/**
	 * Keys with a small, fixed set of values, safe as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The operation, for example {@code images.retrieve}.
		 */
		OPERATION {

			@Override
			public String asString() {
				return "imgwire.operation";
			}

		},

		/**
		 * {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR},
		 * {@code TRANSPORT_ERROR}, {@code INVALID_REQUEST} or {@code UNKNOWN}.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * The HTTP status code, or {@code NONE} when no answer arrived.
		 */
		STATUS {

			@Override
			public String asString() {
				return "status";
			}

		},

		/**
		 * Simple class name of the exception, or {@code none}.
		 */
		ERROR_TYPE {

			@Override
			public String asString() {
				return "error.type";
			}

		},

		/**
		 * Retries only: {@code rate_limited}, {@code server_error},
		 * {@code request_timeout}, {@code connection_error} or {@code timeout}.
		 */
		RETRY_REASON {

			@Override
			public String asString() {
				return "imgwire.retry.reason";
			}

		}

	}

	/**
	 * Keys whose values vary per call; never used as metric tags.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The image the operation concerns.
		 */
		IMAGE_ID {

			@Override
			public String asString() {
				return "imgwire.image.id";
			}

		},

		/**
		 * How many times the request was sent; for a retry, the attempt that failed.
		 */
		ATTEMPTS {

			@Override
			public String asString() {
				return "imgwire.attempts";
			}

		},

		/**
		 * Bytes sent to the presigned upload URL ({@code images.put} and
		 * {@code images.upload} only).
		 */
		UPLOADED_BYTES {

			@Override
			public String asString() {
				return "imgwire.upload.bytes";
			}

		}

	}

}
