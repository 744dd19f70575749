package dev.imgwire.client.metrics;

import reactor.core.publisher.Mono;

/**
 * Reactive client for the environment's usage metrics. Server Key only.
 *
 * @author Imgwire
 * @see dev.imgwire.client.ImgwireClient#metrics()
 */
public interface ImgwireMetricsClient {

	/**
	 * Usage over time ({@code GET /api/v1/metrics/datasets}).
	 * @param query interval, time zone and window; validated before anything is sent
	 * @return one point per bucket
	 */
	Mono<MetricsDatasets> datasets(MetricsQuery query);

	/**
	 * Usage totals ({@code GET /api/v1/metrics/stats}).
	 * @param query interval, time zone and window; validated before anything is sent
	 * @return the totals, each with the previous window's
	 */
	Mono<MetricsStats> stats(MetricsQuery query);

}
