package dev.imgwire.client.observation;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Runs publishers inside Imgwire client observations. The current observation travels in
 * the Reactor context under the key Micrometer's context propagation uses, so nested
 * operations (the requests of an upload, a retry's back-off) become children.
 *
 * @author Imgwire
 */
public final class ImgwireClientObserver {

	/**
	 * Reactor context key of the current observation; the value of Micrometer's
	 * {@code ObservationThreadLocalAccessor.KEY}, repeated so that the optional
	 * context-propagation library need not be present.
	 */
	public static final String OBSERVATION_KEY = "micrometer.observation";

	private final ObservationRegistry registry;

	private final @Nullable ImgwireClientObservationConvention convention;

	private final ImgwireClientObservationConvention retryConvention;

	/**
	 * Create an observer.
	 * @param registry the registry, {@link ObservationRegistry#NOOP} to observe nothing
	 * @param convention a custom convention, or {@code null} for the default one
	 */
	public ImgwireClientObserver(ObservationRegistry registry,
			@Nullable ImgwireClientObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
		this.retryConvention = new RetryConvention(
				(convention != null) ? convention : DefaultImgwireClientObservationConvention.INSTANCE);
	}

	/**
	 * Observe one operation. The context is created anew for every subscription.
	 * @param <T> the result type
	 * @param context creates the context
	 * @param work the operation, given its context
	 * @return the observed publisher
	 */
	public <T> Mono<T> observe(Supplier<ImgwireClientObservationContext> context,
			Function<ImgwireClientObservationContext, Mono<T>> work) {
		return Mono.deferContextual((contextView) -> {
			ImgwireClientObservationContext observationContext = context.get();
			if (this.registry.isNoop()) {
				// Nothing would be recorded: no observation, and none in the Reactor
				// context, where it would only hide the caller's own observation from the
				// HTTP stack.
				return work.apply(observationContext);
			}
			Observation observation = ImgwireObservationDocumentation.CLIENT_REQUESTS.observation(this.convention,
					DefaultImgwireClientObservationConvention.INSTANCE, () -> observationContext, this.registry);
			return run(observation, observationContext, contextView, Mono.defer(() -> work.apply(observationContext)));
		});
	}

	/**
	 * Observe the back-off wait before a retry.
	 * @param <T> the result type
	 * @param context the retry's context, from
	 * {@link ImgwireClientObservationContext#forRetry}
	 * @param failure the failure that caused the retry
	 * @param wait the back-off
	 * @return the observed publisher
	 */
	public <T> Mono<T> observeRetry(ImgwireClientObservationContext context, Throwable failure, Mono<T> wait) {
		if (this.registry.isNoop()) {
			return wait;
		}
		return Mono.deferContextual((contextView) -> {
			Observation parent = current(contextView);
			if (parent != null && context.getImageId() == null
					&& parent.getContextView() instanceof ImgwireClientObservationContext parentContext) {
				context.setImageId(parentContext.getImageId());
			}
			// The failure explains the retry; recorded on the context, not as the
			// observation's error, because the back-off itself did not fail.
			context.setError(failure);
			// The retry convention reuses the operation convention's key values under
			// the retries name, so it stands in as the custom one.
			Observation observation = ImgwireObservationDocumentation.CLIENT_RETRIES.observation(this.retryConvention,
					DefaultImgwireClientObservationConvention.INSTANCE, () -> context, this.registry);
			return run(observation, context, contextView, wait);
		});
	}

	private <T> Mono<T> run(Observation observation, ImgwireClientObservationContext context, ContextView contextView,
			Mono<T> work) {
		Observation parent = current(contextView);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		observation.start();
		AtomicBoolean stopped = new AtomicBoolean();
		// Stop before the signal travels downstream, so that whoever sees the result also
		// sees a stopped observation.
		return work.doOnSuccess((value) -> stop(observation, stopped)).doOnError((ex) -> {
			if (!context.isRetry()) {
				observation.error(ex);
			}
			stop(observation, stopped);
		}).doOnCancel(() -> {
			context.setCancelled(true);
			stop(observation, stopped);
		}).contextWrite((reactorContext) -> reactorContext.put(OBSERVATION_KEY, observation));
	}

	private static void stop(Observation observation, AtomicBoolean stopped) {
		if (stopped.compareAndSet(false, true)) {
			observation.stop();
		}
	}

	/**
	 * The observation current in a Reactor context.
	 * @param contextView the context
	 * @return the observation, or {@code null}
	 */
	private static @Nullable Observation current(ContextView contextView) {
		Object candidate = contextView.getOrDefault(OBSERVATION_KEY, null);
		return (candidate instanceof Observation observation && !observation.isNoop()) ? observation : null;
	}

	/**
	 * Applies a convention's key values under the retry observation's name.
	 */
	private static final class RetryConvention implements ImgwireClientObservationConvention {

		private final ImgwireClientObservationConvention delegate;

		RetryConvention(ImgwireClientObservationConvention delegate) {
			this.delegate = delegate;
		}

		@Override
		public String getName() {
			return DefaultImgwireClientObservationConvention.RETRIES_NAME;
		}

		@Override
		public @Nullable String getContextualName(ImgwireClientObservationContext context) {
			return this.delegate.getContextualName(context);
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(ImgwireClientObservationContext context) {
			return this.delegate.getLowCardinalityKeyValues(context);
		}

		@Override
		public KeyValues getHighCardinalityKeyValues(ImgwireClientObservationContext context) {
			return this.delegate.getHighCardinalityKeyValues(context);
		}

	}

}
