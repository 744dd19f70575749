package dev.imgwire.client.metrics;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import dev.imgwire.client.internal.ApiRequest;
import dev.imgwire.client.validation.RequestValidator;

/**
 * What a metrics request asks for; every part is optional, and the API's defaults
 * ({@code HOURLY}, {@code UTC}, its own window) apply to what is left out.
 *
 * @param interval the bucket size, or {@code null}
 * @param tz an IANA time zone id such as {@code Europe/Paris}, or {@code null}
 * @param dateStart the start of the window, or {@code null}
 * @param dateEnd the end of the window, not before {@code dateStart}, or {@code null}
 * @author Imgwire
 */
public record MetricsQuery(@Nullable MetricsInterval interval, @Nullable String tz, @Nullable OffsetDateTime dateStart,
		@Nullable OffsetDateTime dateEnd) {

	/**
	 * The API's defaults.
	 * @return a query with nothing set
	 */
	public static MetricsQuery defaults() {
		return new MetricsQuery(null, null, null, null);
	}

	public MetricsQuery withInterval(@Nullable MetricsInterval interval) {
		return new MetricsQuery(interval, this.tz, this.dateStart, this.dateEnd);
	}

	public MetricsQuery withTimeZone(@Nullable String tz) {
		return new MetricsQuery(this.interval, tz, this.dateStart, this.dateEnd);
	}

	public MetricsQuery withWindow(@Nullable OffsetDateTime dateStart, @Nullable OffsetDateTime dateEnd) {
		return new MetricsQuery(this.interval, this.tz, dateStart, dateEnd);
	}

	/**
	 * Validate, then describe the request.
	 * @return the request with this query
	 */
	ApiRequest toRequest() {
		if (this.tz != null) {
			try {
				ZoneId.of(RequestValidator.notBlank("tz", this.tz).strip());
			}
			catch (DateTimeException ex) {
				throw RequestValidator.invalid("tz", "must be a time zone id such as UTC or Europe/Paris");
			}
		}
		if (this.dateStart != null && this.dateEnd != null && this.dateStart.isAfter(this.dateEnd)) {
			throw RequestValidator.invalid("date_start", "must not be after date_end");
		}
		return ApiRequest.to()
			.query("interval", (this.interval != null) ? this.interval.wireValue() : null)
			.query("tz", (this.tz != null) ? this.tz.strip() : null)
			.query("date_start", format(this.dateStart))
			.query("date_end", format(this.dateEnd));
	}

	private static @Nullable String format(@Nullable OffsetDateTime time) {
		return (time != null) ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) : null;
	}

}
