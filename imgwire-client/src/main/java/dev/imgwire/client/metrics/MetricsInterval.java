package dev.imgwire.client.metrics;

/**
 * How metrics datasets are bucketed.
 *
 * @author Imgwire
 */
public enum MetricsInterval {

	HOURLY, DAILY, WEEKLY, MONTHLY;

	String wireValue() {
		return name();
	}

}
