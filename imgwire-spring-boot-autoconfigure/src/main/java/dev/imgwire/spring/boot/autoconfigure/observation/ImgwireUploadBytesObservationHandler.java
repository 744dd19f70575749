package dev.imgwire.spring.boot.autoconfigure.observation;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.observation.ImgwireClientObservationContext;

/**
 * {@link ObservationHandler} that records the bytes sent to Imgwire presigned upload URLs
 * as the {@value #METER_NAME} distribution summary: one sample per presigned {@code PUT}
 * (the bytes of its last attempt). The {@code images.upload} observation around it
 * carries the same bytes and is not recorded, so that no upload counts twice.
 * <p>
 * Timers for {@code imgwire.client.requests} and {@code imgwire.client.retries} need no
 * handler of their own: Boot's {@code DefaultMeterObservationHandler} creates them.
 *
 * @author Imgwire
 * @since 0.1.0
 */
public class ImgwireUploadBytesObservationHandler implements ObservationHandler<ImgwireClientObservationContext> {

	/**
	 * Name of the distribution summary.
	 */
	public static final String METER_NAME = "imgwire.client.upload.bytes";

	private final MeterRegistry meterRegistry;

	/**
	 * Create a new instance.
	 * @param meterRegistry the registry to record into
	 */
	public ImgwireUploadBytesObservationHandler(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void onStop(ImgwireClientObservationContext context) {
		long bytes = context.getUploadedBytes();
		if (context.isRetry() || context.getOperation() != ImgwireOperation.PUT_BYTES || bytes < 0) {
			return;
		}
		DistributionSummary.builder(METER_NAME)
			.description("Bytes sent to Imgwire presigned upload URLs")
			.baseUnit("bytes")
			.tag("imgwire.operation", context.getOperation().observationName())
			.register(this.meterRegistry)
			.record(bytes);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ImgwireClientObservationContext;
	}

}
