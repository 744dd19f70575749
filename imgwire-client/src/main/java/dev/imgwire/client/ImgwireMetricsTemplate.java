package dev.imgwire.client;

import dev.imgwire.client.metrics.ImgwireMetricsClient;
import dev.imgwire.client.metrics.MetricsDatasets;
import dev.imgwire.client.metrics.MetricsQuery;
import dev.imgwire.client.metrics.MetricsStats;

/**
 * Blocking access to the environment's usage metrics: each operation is the
 * {@link ImgwireMetricsClient} operation of the same name, waited for as
 * {@link ImgwireTemplate} describes. Server Key only.
 *
 * @author Imgwire
 * @see ImgwireTemplate#metrics()
 */
public final class ImgwireMetricsTemplate {

	private final ImgwireMetricsClient client;

	private final Blocking blocking;

	ImgwireMetricsTemplate(ImgwireMetricsClient client, Blocking blocking) {
		this.client = client;
		this.blocking = blocking;
	}

	/**
	 * Usage over time.
	 * @param query interval, time zone and window; validated before anything is sent
	 * @return one point per bucket
	 * @see ImgwireMetricsClient#datasets(MetricsQuery)
	 */
	public MetricsDatasets datasets(MetricsQuery query) {
		return this.blocking.await(ImgwireOperation.METRICS_DATASETS, () -> this.client.datasets(query));
	}

	/**
	 * Usage totals.
	 * @param query interval, time zone and window; validated before anything is sent
	 * @return the totals, each with the previous window's
	 * @see ImgwireMetricsClient#stats(MetricsQuery)
	 */
	public MetricsStats stats(MetricsQuery query) {
		return this.blocking.await(ImgwireOperation.METRICS_STATS, () -> this.client.stats(query));
	}

	@Override
	public String toString() {
		return "ImgwireMetricsTemplate[" + this.client + "]";
	}

}
