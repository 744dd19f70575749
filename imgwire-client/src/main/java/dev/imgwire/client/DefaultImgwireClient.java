package dev.imgwire.client;

import io.micrometer.observation.ObservationRegistry;

import dev.imgwire.client.cors.DefaultImgwireCorsOriginsClient;
import dev.imgwire.client.cors.ImgwireCorsOriginsClient;
import dev.imgwire.client.domain.DefaultImgwireCustomDomainClient;
import dev.imgwire.client.domain.ImgwireCustomDomainClient;
import dev.imgwire.client.images.DefaultImgwireImagesClient;
import dev.imgwire.client.internal.ImgwireTransport;
import dev.imgwire.client.metrics.DefaultImgwireMetricsClient;
import dev.imgwire.client.metrics.ImgwireMetricsClient;
import dev.imgwire.client.retry.DefaultImgwireRetryStrategy;
import dev.imgwire.client.retry.ImgwireRetryStrategy;
import dev.imgwire.client.upload.UploadSpool;

/**
 * The {@link ImgwireClient}: the resource clients over one {@link ImgwireTransport}.
 *
 * @author Imgwire
 */
final class DefaultImgwireClient implements ImgwireClient {

	private final ImgwireImagesClient images;

	private final ImgwireCorsOriginsClient corsOrigins;

	private final ImgwireCustomDomainClient customDomain;

	private final ImgwireMetricsClient metrics;

	private final ImgwireTransport transport;

	private final ClientDeadlines deadlines;

	private final ObservationRegistry observationRegistry;

	DefaultImgwireClient(ImgwireClientBuilder<?> builder) {
		ImgwireRetryStrategy retryStrategy = (builder.retryStrategy != null) ? builder.retryStrategy
				: new DefaultImgwireRetryStrategy(builder.retryPolicy, builder.observationRegistry,
						builder.observationConvention);
		this.transport = new ImgwireTransport(builder.webClientBuilder, builder.settings, retryStrategy,
				builder.observationRegistry, builder.observationConvention, builder.responseTimeout);
		this.images = new DefaultImgwireImagesClient(this.transport, builder.uploadTimeout, builder.responseTimeout,
				builder.pollInterval, builder.awaitReadyByDefault, builder.readyTimeout,
				new UploadSpool(builder.spoolDirectory, builder.maxSpoolBytes));
		this.corsOrigins = new DefaultImgwireCorsOriginsClient(this.transport);
		this.customDomain = new DefaultImgwireCustomDomainClient(this.transport);
		this.metrics = new DefaultImgwireMetricsClient(this.transport);
		this.deadlines = new ClientDeadlines(builder.retryPolicy, builder.responseTimeout, builder.uploadTimeout,
				builder.readyTimeout);
		this.observationRegistry = builder.observationRegistry;
	}

	@Override
	public ImgwireImagesClient images() {
		return this.images;
	}

	@Override
	public ImgwireCorsOriginsClient corsOrigins() {
		return this.corsOrigins;
	}

	@Override
	public ImgwireCustomDomainClient customDomain() {
		return this.customDomain;
	}

	@Override
	public ImgwireMetricsClient metrics() {
		return this.metrics;
	}

	/**
	 * The deadlines this client was built with, for {@link ImgwireTemplate}'s default
	 * block timeout.
	 * @return the deadlines
	 */
	ClientDeadlines deadlines() {
		return this.deadlines;
	}

	/**
	 * Where this client's observations go; {@link ImgwireTemplate} looks up the caller's
	 * current observation there, to be the parent of the call's.
	 * @return the registry
	 */
	ObservationRegistry observationRegistry() {
		return this.observationRegistry;
	}

	@Override
	public String toString() {
		return "DefaultImgwireClient[" + this.transport + "]";
	}

}
