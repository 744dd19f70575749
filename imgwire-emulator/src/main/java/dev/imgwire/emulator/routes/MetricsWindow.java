package dev.imgwire.emulator.routes;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.imgwire.emulator.routes.http.Exchange;
import dev.imgwire.emulator.routes.wire.ValidationErrors;

/**
 * The buckets a metrics request asks for, from its {@code interval}, {@code tz},
 * {@code date_start} and {@code date_end} query parameters.
 * <ul>
 * <li>Buckets start on the interval's boundaries in the requested zone: the hour, the
 * day, the ISO week (Monday) or the month. There is one bucket for each boundary from the
 * one containing {@code date_start} to the one containing {@code date_end},
 * inclusive.</li>
 * <li>{@code date_end} defaults to now; {@code date_start} to the last 24 hours, 30 days,
 * 12 weeks or 12 months up to {@code date_end}.</li>
 * <li>Dates are ISO-8601 date-times; one without an offset, or a bare date, is read in
 * the requested zone. A {@code +} that arrived unencoded (and so decoded to a space) is
 * read as {@code +}.</li>
 * <li>The previous window, for stats, is the same number of buckets right before.</li>
 * <li>More than {@value #MAX_BUCKETS} buckets is a 422, so no request can make the
 * emulator build an unbounded series.</li>
 * </ul>
 *
 * @author imgwire
 */
final class MetricsWindow {

	static final int MAX_BUCKETS = 1000;

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffset("+HH:MM:ss", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHmm", "Z")
		.optionalEnd()
		.toFormatter();

	private final List<ZonedDateTime> starts;

	private final ZonedDateTime end;

	private final ZonedDateTime previousStart;

	private MetricsWindow(List<ZonedDateTime> starts, ZonedDateTime end, ZonedDateTime previousStart) {
		this.starts = starts;
		this.end = end;
		this.previousStart = previousStart;
	}

	/**
	 * Read and validate the query.
	 * @param exchange the request
	 * @param now the current time, the default {@code date_end}
	 * @return the window
	 * @throws dev.imgwire.emulator.routes.wire.ValidationException with the failing
	 * parameter in {@code loc}
	 */
	static MetricsWindow of(Exchange exchange, Instant now) {
		ValidationErrors errors = new ValidationErrors();
		Interval interval = interval(exchange.queryParam("interval").orElse(Interval.HOURLY.name()), errors);
		ZoneId zone = zone(exchange.queryParam("tz").orElse("UTC"), errors);
		Instant start = dateTime(exchange, "date_start", (zone != null) ? zone : ZoneOffset.UTC, errors);
		Instant end = dateTime(exchange, "date_end", (zone != null) ? zone : ZoneOffset.UTC, errors);
		errors.throwIfAny();
		Instant last = (end != null) ? end : now;
		if (start != null && start.isAfter(last)) {
			throw ValidationErrors.single("value_error",
					"Value error, date_start must not be after date_end" + ((end != null) ? "" : " (default: now)"),
					"query", "date_start");
		}
		try {
			return compute(interval, Objects.requireNonNull(zone), start, last);
		}
		catch (DateTimeException | ArithmeticException ex) {
			throw ValidationErrors.single("value_error", "Value error, the date range is out of bounds", "query",
					"date_start");
		}
	}

	private static MetricsWindow compute(Interval interval, ZoneId zone, @Nullable Instant start, Instant last) {
		ZonedDateTime lastBucket = interval.floor(last.atZone(zone));
		ZonedDateTime first;
		if (start != null) {
			first = interval.floor(start.atZone(zone));
		}
		else {
			first = interval.stepBack(lastBucket, interval.defaultBuckets - 1);
		}
		List<ZonedDateTime> starts = new ArrayList<>();
		ZonedDateTime bucket = first;
		while (!bucket.isAfter(lastBucket)) {
			if (starts.size() == MAX_BUCKETS) {
				throw ValidationErrors.single("value_error",
						"Value error, the range from date_start to date_end covers more than " + MAX_BUCKETS + " "
								+ interval.name() + " buckets",
						"query", "date_start");
			}
			starts.add(bucket);
			bucket = interval.next(bucket);
		}
		return new MetricsWindow(List.copyOf(starts), bucket, interval.stepBack(first, starts.size()));
	}

	List<ZonedDateTime> starts() {
		return this.starts;
	}

	/**
	 * The end of a bucket, exclusive: the start of the next one.
	 * @param index the bucket
	 * @return its end
	 */
	ZonedDateTime endOf(int index) {
		return (index + 1 < this.starts.size()) ? this.starts.get(index + 1) : this.end;
	}

	Instant start() {
		return this.starts.get(0).toInstant();
	}

	Instant end() {
		return this.end.toInstant();
	}

	/**
	 * The start of the window of equally many buckets right before this one.
	 * @return the previous window's start; it ends where this window starts
	 */
	Instant previousStart() {
		return this.previousStart.toInstant();
	}

	private static Interval interval(String value, ValidationErrors errors) {
		for (Interval interval : Interval.values()) {
			if (interval.name().equals(value)) {
				return interval;
			}
		}
		String choices = Arrays.stream(Interval.values())
			.map((interval) -> "'" + interval.name() + "'")
			.collect(Collectors.joining(", "));
		int last = choices.lastIndexOf(", ");
		errors.add("enum", "Input should be " + choices.substring(0, last) + " or " + choices.substring(last + 2),
				"query", "interval");
		return Interval.HOURLY;
	}

	private static @Nullable ZoneId zone(String value, ValidationErrors errors) {
		if (!ZONES.contains(value)) {
			errors.add("value_error", "Value error, tz must be an IANA time zone such as UTC or Europe/Berlin", "query",
					"tz");
			return null;
		}
		return ZoneId.of(value);
	}

	private static @Nullable Instant dateTime(Exchange exchange, String name, ZoneId zone, ValidationErrors errors) {
		Optional<String> raw = exchange.queryParam(name);
		if (raw.isEmpty()) {
			return null;
		}
		Instant parsed = parseDateTime(raw.get(), zone);
		if (parsed == null) {
			errors.add("datetime_parsing", "Input should be a valid datetime", "query", name);
		}
		return parsed;
	}

	/**
	 * Parse an ISO-8601 date-time or date, accepting what pydantic does for the common
	 * forms: {@code T} or a space between date and time, {@code Z} or an offset, or no
	 * offset at all; years 1 to 9999, Python's range.
	 * @param raw the query value
	 * @param zone the zone for values without an offset
	 * @return the instant, or {@code null} when the value is not a date-time
	 */
	static @Nullable Instant parseDateTime(String raw, ZoneId zone) {
		String text = raw.trim();
		if (text.length() > 10 && text.charAt(10) == ' ') {
			text = text.substring(0, 10) + "T" + text.substring(11);
		}
		text = text.replace(' ', '+');
		try {
			ZonedDateTime value;
			if (text.length() == 10) {
				value = LocalDate.parse(text).atStartOfDay(zone);
			}
			else {
				TemporalAccessor parsed = DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
				value = (parsed instanceof OffsetDateTime offset) ? offset.atZoneSameInstant(zone)
						: ((LocalDateTime) parsed).atZone(zone);
			}
			int year = value.withZoneSameInstant(ZoneOffset.UTC).getYear();
			return (year >= 1 && year <= 9999) ? value.toInstant() : null;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * The {@code MetricsDatasetInterval} values, with their bucket boundaries.
	 */
	enum Interval {

		HOURLY(24), DAILY(30), WEEKLY(12), MONTHLY(12);

		private final int defaultBuckets;

		Interval(int defaultBuckets) {
			this.defaultBuckets = defaultBuckets;
		}

		/**
		 * The start of the bucket containing a time; never after it.
		 */
		ZonedDateTime floor(ZonedDateTime time) {
			ZoneId zone = time.getZone();
			LocalDate date = time.toLocalDate();
			return switch (this) {
				case HOURLY -> time.truncatedTo(ChronoUnit.HOURS);
				case DAILY -> date.atStartOfDay(zone);
				case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
				case MONTHLY -> date.withDayOfMonth(1).atStartOfDay(zone);
			};
		}

		/**
		 * The start of the bucket after the one starting at {@code start}. Where a
		 * time-zone transition would put the next boundary at or before {@code start},
		 * the bucket simply lasts one nominal interval, so iteration always advances.
		 */
		ZonedDateTime next(ZonedDateTime start) {
			ZonedDateTime nominal = switch (this) {
				case HOURLY -> start.plusHours(1);
				case DAILY -> start.plusDays(1);
				case WEEKLY -> start.plusWeeks(1);
				case MONTHLY -> start.plusMonths(1);
			};
			ZonedDateTime aligned = floor(nominal);
			return aligned.isAfter(start) ? aligned : nominal;
		}

		ZonedDateTime stepBack(ZonedDateTime start, int buckets) {
			ZonedDateTime bucket = start;
			for (int i = 0; i < buckets; i++) {
				bucket = floor(bucket.minusSeconds(1));
			}
			return bucket;
		}

	}

}
