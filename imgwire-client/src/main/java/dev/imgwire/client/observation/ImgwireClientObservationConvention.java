package dev.imgwire.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of Imgwire client observations. Implement it, or extend
 * {@link DefaultImgwireClientObservationConvention} to change a single key.
 *
 * @author Imgwire
 */
public interface ImgwireClientObservationConvention extends ObservationConvention<ImgwireClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ImgwireClientObservationContext;
	}

}
