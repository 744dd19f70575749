package dev.imgwire.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;

import dev.imgwire.client.observation.ImgwireClientObservationContext;

/**
 * A test registry that also keeps the contexts of stopped Imgwire observations, in stop
 * order.
 */
final class RecordedObservations implements ObservationHandler<ImgwireClientObservationContext> {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<ImgwireClientObservationContext> stopped = new CopyOnWriteArrayList<>();

	RecordedObservations() {
		this.registry.observationConfig().observationHandler(this);
	}

	TestObservationRegistry registry() {
		return this.registry;
	}

	List<ImgwireClientObservationContext> stopped() {
		return List.copyOf(this.stopped);
	}

	List<ImgwireClientObservationContext> requests() {
		return this.stopped.stream().filter((context) -> !context.isRetry()).toList();
	}

	List<ImgwireClientObservationContext> retries() {
		return this.stopped.stream().filter(ImgwireClientObservationContext::isRetry).toList();
	}

	@Override
	public void onStop(ImgwireClientObservationContext context) {
		this.stopped.add(context);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ImgwireClientObservationContext;
	}

}
