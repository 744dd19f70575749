package dev.imgwire.client.metrics;

import reactor.core.publisher.Mono;

import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.internal.ApiRequest;
import dev.imgwire.client.internal.ImgwireTransport;
import dev.imgwire.client.internal.ResponseReader;
import dev.imgwire.client.validation.RequestValidator;

/**
 * The {@link ImgwireMetricsClient} over the shared {@link ImgwireTransport}.
 *
 * @author Imgwire
 */
public final class DefaultImgwireMetricsClient implements ImgwireMetricsClient {

	private final ImgwireTransport transport;

	private final ResponseReader<MetricsDatasets> datasets;

	private final ResponseReader<MetricsStats> stats;

	/**
	 * Create the client.
	 * @param transport the shared transport
	 */
	public DefaultImgwireMetricsClient(ImgwireTransport transport) {
		this.transport = transport;
		this.datasets = transport.json(MetricsDatasets.class);
		this.stats = transport.json(MetricsStats.class);
	}

	@Override
	public Mono<MetricsDatasets> datasets(MetricsQuery query) {
		return this.transport.execute(ImgwireOperation.METRICS_DATASETS, () -> request(query), this.datasets);
	}

	@Override
	public Mono<MetricsStats> stats(MetricsQuery query) {
		return this.transport.execute(ImgwireOperation.METRICS_STATS, () -> request(query), this.stats);
	}

	private static ApiRequest request(MetricsQuery query) {
		RequestValidator.notNull("query", query);
		return query.toRequest();
	}

	@Override
	public String toString() {
		return "DefaultImgwireMetricsClient[" + this.transport + "]";
	}

}
