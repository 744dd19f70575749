package dev.imgwire.emulator;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.imgwire.emulator.state.UsageTotals;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics API over raw HTTP, fed by real uploads and CDN requests at instants a test
 * clock chooses. The clock starts on Monday 2026-05-04 at 10:20 UTC.
 */
class MetricsApiTests {

	private static final String DATASETS = "/api/v1/metrics/datasets";

	private static final String STATS = "/api/v1/metrics/stats";

	private static final List<String> KEYS = List.of("uploads", "transformations", "requests", "transfer_bytes",
			"cache_hit_ratio", "storage_bytes");

	private static final byte[] SMALL = SampleImages.png(2, 2);

	private static final byte[] LARGE = SampleImages.png(40, 30);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:20:00Z"));

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator(() -> ImgwireEmulator.builder().clock(this.clock));

	@Nested
	class Datasets {

		@Test
		void defaultWindowIsTheLast24HoursInUtcWithEveryFieldAndZeroCounts() {
			JsonNode datasets = ok(DATASETS);
			assertThat(datasets.propertyNames()).containsExactlyElementsOf(KEYS);
			for (String series : List.of("uploads", "transformations", "requests", "transfer_bytes")) {
				JsonNode points = datasets.get(series);
				assertThat(points.size()).as(series).isEqualTo(24);
				assertThat(points.get(0).propertyNames()).containsExactly("timestamp", series);
				assertThat(points.get(0).get("timestamp").stringValue()).isEqualTo("2026-05-03T11:00:00.000Z");
				assertThat(points.get(23).get("timestamp").stringValue()).isEqualTo("2026-05-04T10:00:00.000Z");
				assertThat(points.values())
					.allSatisfy((point) -> assertThat(point.get(series).isIntegralNumber()).isTrue())
					.allSatisfy((point) -> assertThat(point.get(series).longValue()).isZero());
			}
			JsonNode storage = datasets.get("storage_bytes");
			assertThat(storage.size()).isEqualTo(24);
			assertThat(storage.get(0).propertyNames()).containsExactly("timestamp", "storage_bytes_current",
					"storage_bytes_added");
			assertThat(datasets.get("cache_hit_ratio").toString())
				.isEqualTo("[{\"label\":\"HIT\",\"value\":0},{\"label\":\"MISS\",\"value\":0}]");
		}

		@Test
		void uploadsAndCdnRequestsAreCountedInTheBucketOfTheirTime() {
			String first = http().upload("a.png", "image/png", SMALL);
			http().upload("b.png", "image/png", LARGE);
			String cdnUrl = http().retrieve(first).get("cdn_url").stringValue();
			long sent = 0;
			for (String url : List.of(cdnUrl, cdnUrl + "@medium", cdnUrl + "?width=100&format=auto")) {
				HttpResponse<byte[]> delivery = http().getBytes(url);
				assertThat(delivery.statusCode()).isEqualTo(200);
				sent += delivery.body().length;
			}
			clock().set(Instant.parse("2026-05-04T11:05:00Z"));
			http().upload("c.png", "image/png", SMALL);
			JsonNode datasets = ok(DATASETS + "?date_start=2026-05-04T09:00:00Z&date_end=2026-05-04T11:59:59Z");
			assertThat(timestamps(datasets.get("uploads"))).containsExactly("2026-05-04T09:00:00.000Z",
					"2026-05-04T10:00:00.000Z", "2026-05-04T11:00:00.000Z");
			assertThat(values(datasets.get("uploads"), "uploads")).containsExactly(0L, 2L, 1L);
			assertThat(values(datasets.get("requests"), "requests")).containsExactly(0L, 3L, 0L);
			assertThat(values(datasets.get("transformations"), "transformations")).containsExactly(0L, 2L, 0L);
			assertThat(values(datasets.get("transfer_bytes"), "transfer_bytes")).as("transformed variants included")
				.containsExactly(0L, sent, 0L);
			long firstHour = SMALL.length + LARGE.length;
			assertThat(values(datasets.get("storage_bytes"), "storage_bytes_added")).containsExactly(0L, firstHour,
					(long) SMALL.length);
			assertThat(values(datasets.get("storage_bytes"), "storage_bytes_current")).containsExactly(0L, firstHour,
					firstHour + SMALL.length);
			assertThat(datasets.get("cache_hit_ratio").toString())
				.isEqualTo("[{\"label\":\"HIT\",\"value\":0},{\"label\":\"MISS\",\"value\":3}]");
			UsageTotals usage = emulator().state().usage();
			assertThat(usage.uploads()).isEqualTo(3);
			assertThat(usage.cdnRequests()).isEqualTo(3);
			assertThat(usage.transformations()).isEqualTo(2);
			assertThat(usage.storageBytesNet()).isEqualTo(firstHour + SMALL.length);
		}

		@Test
		void imagesThatNeverReceivedBytesAndFailedCdnRequestsAreNotCounted() {
			String pending = http().createUpload("{\"file_name\":\"a.png\"}").get("image").get("id").stringValue();
			String cdnUrl = http().retrieve(pending).get("cdn_url").stringValue();
			assertThat(http().getBytes(cdnUrl).statusCode()).isEqualTo(404);
			http().delete("/api/v1/images/" + pending, serverKey());
			assertThat(emulator().state().usage()).isEqualTo(UsageTotals.NONE);
		}

		@Test
		void deletingAnUploadedImageReleasesItsStorage() {
			String id = http().upload("a.png", "image/png", LARGE);
			http().upload("b.png", "image/png", SMALL);
			clock().advance(Duration.ofHours(1));
			assertThat(http().delete("/api/v1/images/" + id, serverKey()).statusCode()).isEqualTo(200);
			JsonNode storage = ok(DATASETS + "?date_start=2026-05-04T10:00:00Z&date_end=2026-05-04T11:00:00Z")
				.get("storage_bytes");
			assertThat(values(storage, "storage_bytes_current")).containsExactly((long) LARGE.length + SMALL.length,
					(long) SMALL.length);
			assertThat(values(storage, "storage_bytes_added")).containsExactly((long) LARGE.length + SMALL.length, 0L);
		}

		@Test
		void bulkDeleteReleasesStorageToo() {
			String first = http().upload("a.png", "image/png", SMALL);
			String second = http().upload("b.png", "image/png", SMALL);
			http().postJson("/api/v1/images/bulk_delete", serverKey(),
					"{\"image_ids\":[\"" + first + "\",\"" + second + "\"]}");
			assertThat(emulator().state().usage().storageBytesNet()).isZero();
			assertThat(emulator().state().usage().uploads()).isEqualTo(2);
		}

		@Test
		void timeZoneShiftsBucketBoundariesAndTimestamps() {
			clock().set(Instant.parse("2026-05-04T20:00:00Z"));
			http().upload("a.png", "image/png", SMALL);
			JsonNode utc = ok(
					DATASETS + "?interval=DAILY&date_start=2026-05-04T00:00:00Z&date_end=2026-05-05T00:00:00Z")
				.get("uploads");
			assertThat(timestamps(utc)).containsExactly("2026-05-04T00:00:00.000Z", "2026-05-05T00:00:00.000Z");
			assertThat(values(utc, "uploads")).containsExactly(1L, 0L);
			JsonNode tokyo = ok(DATASETS
					+ "?interval=DAILY&tz=Asia/Tokyo&date_start=2026-05-04T00:00:00&date_end=2026-05-05T00:00:00")
				.get("uploads");
			assertThat(timestamps(tokyo)).containsExactly("2026-05-04T00:00:00.000+09:00",
					"2026-05-05T00:00:00.000+09:00");
			assertThat(values(tokyo, "uploads")).as("20:00 UTC is 05:00 the next day in Tokyo").containsExactly(0L, 1L);
		}

		@Test
		void hourlyBucketsFollowHalfHourOffsetsAndDaylightSavingTime() {
			JsonNode kathmandu = ok(
					DATASETS + "?tz=Asia/Kathmandu&date_start=2026-05-04T10:00:00Z&date_end=2026-05-04T10:20:00Z")
				.get("uploads");
			assertThat(timestamps(kathmandu)).containsExactly("2026-05-04T15:00:00.000+05:45",
					"2026-05-04T16:00:00.000+05:45");
			JsonNode newYork = ok(
					DATASETS + "?tz=America/New_York&date_start=2026-03-08T01:00:00&date_end=2026-03-08T03:00:00")
				.get("uploads");
			assertThat(timestamps(newYork)).as("02:00 does not exist on the day clocks go forward")
				.containsExactly("2026-03-08T01:00:00.000-05:00", "2026-03-08T03:00:00.000-04:00");
		}

		@Test
		void weeksStartOnMondayAndMonthsOnTheFirst() {
			JsonNode weekly = ok(DATASETS + "?interval=WEEKLY").get("requests");
			assertThat(weekly.size()).isEqualTo(12);
			assertThat(weekly.get(11).get("timestamp").stringValue()).isEqualTo("2026-05-04T00:00:00.000Z");
			assertThat(weekly.get(0).get("timestamp").stringValue()).isEqualTo("2026-02-16T00:00:00.000Z");
			JsonNode weekOfSunday = ok(
					DATASETS + "?interval=WEEKLY&date_start=2026-05-10T23:00:00Z&date_end=2026-05-10T23:00:00Z")
				.get("requests");
			assertThat(timestamps(weekOfSunday)).containsExactly("2026-05-04T00:00:00.000Z");
			JsonNode monthly = ok(DATASETS + "?interval=MONTHLY&tz=Europe/Berlin").get("requests");
			assertThat(monthly.size()).isEqualTo(12);
			assertThat(monthly.get(0).get("timestamp").stringValue()).isEqualTo("2025-06-01T00:00:00.000+02:00");
			assertThat(monthly.get(11).get("timestamp").stringValue()).isEqualTo("2026-05-01T00:00:00.000+02:00");
			assertThat(monthly.get(7).get("timestamp").stringValue()).isEqualTo("2026-01-01T00:00:00.000+01:00");
			assertThat(ok(DATASETS + "?interval=DAILY").get("requests").size()).isEqualTo(30);
		}

		@Test
		void onlyDateEndCountsTheDefaultNumberOfBucketsBackFromIt() {
			JsonNode daily = ok(DATASETS + "?interval=DAILY&date_end=2026-04-30T12:00:00Z").get("uploads");
			assertThat(daily.size()).isEqualTo(30);
			assertThat(daily.get(0).get("timestamp").stringValue()).isEqualTo("2026-04-01T00:00:00.000Z");
			assertThat(daily.get(29).get("timestamp").stringValue()).isEqualTo("2026-04-30T00:00:00.000Z");
		}

		@Test
		void onlyDateStartRunsUntilNow() {
			JsonNode hourly = ok(DATASETS + "?date_start=2026-05-04T07:59:59Z").get("uploads");
			assertThat(timestamps(hourly)).containsExactly("2026-05-04T07:00:00.000Z", "2026-05-04T08:00:00.000Z",
					"2026-05-04T09:00:00.000Z", "2026-05-04T10:00:00.000Z");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "2026-05-04T12:00:00%2B02:00", "2026-05-04T12:00:00+02:00", "2026-05-04 10:00:00Z",
				"2026-05-04T10:00:00.123456Z", "2026-05-04t10:00:00z", "2026-05-04T12:00:00%2B0200" })
		void commonDateTimeFormsAreAccepted(String dateEnd) {
			JsonNode uploads = ok(DATASETS + "?date_end=" + dateEnd.replace(" ", "%20")).get("uploads");
			assertThat(uploads.get(23).get("timestamp").stringValue()).isEqualTo("2026-05-04T10:00:00.000Z");
		}

		@Test
		void datesWithoutOffsetAreReadInTheRequestedZone() {
			JsonNode dateOnly = ok(
					DATASETS + "?interval=DAILY&tz=Europe/Berlin&date_start=2026-05-01&date_end=2026-05-02")
				.get("uploads");
			assertThat(timestamps(dateOnly)).containsExactly("2026-05-01T00:00:00.000+02:00",
					"2026-05-02T00:00:00.000+02:00");
		}

		@Test
		void aThousandBucketsAreServed() {
			JsonNode hourly = ok(DATASETS + "?date_start=2026-03-24T00:00:00Z&date_end=2026-05-04T15:00:00Z")
				.get("uploads");
			assertThat(hourly.size()).isEqualTo(1000);
		}

	}

	@Nested
	class Stats {

		@Test
		void everyKeyHasValuePrevAndPctChange() {
			JsonNode stats = ok(STATS);
			assertThat(stats.propertyNames()).containsExactlyElementsOf(KEYS);
			for (String key : KEYS) {
				assertThat(stats.get(key).propertyNames()).as(key).containsExactly("value", "prev", "pct_change");
				assertThat(stats.get(key).get("value").isNumber()).isTrue();
				assertThat(stats.get(key).get("prev").isNumber()).isTrue();
				assertThat(stats.get(key).get("pct_change").isNull()).as("nothing to compare with").isTrue();
			}
		}

		@Test
		void valueIsTheWindowAndPrevTheEquallyLongWindowBefore() {
			clock().set(Instant.parse("2026-05-03T09:00:00Z"));
			String yesterday = http().upload("a.png", "image/png", SMALL);
			clock().set(Instant.parse("2026-05-04T09:00:00Z"));
			http().upload("b.png", "image/png", SMALL);
			http().upload("c.png", "image/png", SMALL);
			http().getBytes(http().retrieve(yesterday).get("cdn_url").stringValue());
			clock().set(Instant.parse("2026-05-02T09:00:00Z"));
			http().upload("before-both-windows.png", "image/png", SMALL);
			JsonNode stats = ok(
					STATS + "?interval=DAILY&date_start=2026-05-04T00:00:00Z&date_end=2026-05-04T23:59:59Z");
			assertThat(stats.get("uploads").toString()).isEqualTo("{\"value\":2,\"prev\":1,\"pct_change\":100.0}");
			assertThat(stats.get("requests").toString()).isEqualTo("{\"value\":1,\"prev\":0,\"pct_change\":null}");
			assertThat(stats.get("transfer_bytes").get("value").longValue()).isEqualTo(SMALL.length);
			assertThat(stats.get("storage_bytes").toString()).as("stored at the end of each window")
				.isEqualTo(
						"{\"value\":" + 4 * SMALL.length + ",\"prev\":" + 2 * SMALL.length + ",\"pct_change\":100.0}");
			assertThat(stats.get("cache_hit_ratio").toString())
				.isEqualTo("{\"value\":0,\"prev\":0,\"pct_change\":null}");
		}

		@Test
		void aDropIsANegativePercentage() {
			clock().set(Instant.parse("2026-05-03T09:00:00Z"));
			for (int i = 0; i < 4; i++) {
				http().upload(i + ".png", "image/png", SMALL);
			}
			clock().set(Instant.parse("2026-05-04T09:00:00Z"));
			http().upload("x.png", "image/png", SMALL);
			JsonNode stats = ok(
					STATS + "?interval=DAILY&date_start=2026-05-04T00:00:00Z&date_end=2026-05-04T00:00:00Z");
			assertThat(stats.get("uploads").toString()).isEqualTo("{\"value\":1,\"prev\":4,\"pct_change\":-75.0}");
		}

	}

	@Nested
	class Validation {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { DATASETS, STATS })
		void unknownIntervalIsAnEnumError(String path) {
			JsonNode error = singleError(get(path + "?interval=YEARLY"));
			assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"interval\"]");
			assertThat(error.get("type").stringValue()).isEqualTo("enum");
			assertThat(error.get("msg").stringValue())
				.isEqualTo("Input should be 'HOURLY', 'DAILY', 'WEEKLY' or 'MONTHLY'");
			assertThat(singleError(get(path + "?interval=hourly")).get("type").stringValue()).isEqualTo("enum");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "Mars/Olympus", "utc", "%2B02:00", "", "EST" })
		void unknownTimeZoneIsRejectedAtTz(String tz) {
			JsonNode error = singleError(get(DATASETS + "?tz=" + tz));
			assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"tz\"]");
			assertThat(error.get("type").stringValue()).isEqualTo("value_error");
		}

		@ParameterizedTest(name = "{0}={1}")
		@CsvSource({ "date_start, yesterday", "date_start, 2026-13-01T00:00:00Z", "date_end, 2026-05-04T25:00:00Z",
				"date_end, 1714816800", "date_start, 0000-01-01T00:00:00Z", "date_end, ''" })
		void unparsableDateIsADatetimeErrorAtItsName(String name, String value) {
			JsonNode error = singleError(
					get(STATS + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
			assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"" + name + "\"]");
			assertThat(error.get("type").stringValue()).isEqualTo("datetime_parsing");
		}

		@Test
		void startAfterEndIsRejectedAtDateStart() {
			JsonNode error = singleError(
					get(DATASETS + "?date_start=2026-05-04T10:00:00Z&date_end=2026-05-04T09:00:00Z"));
			assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"date_start\"]");
			assertThat(error.get("type").stringValue()).isEqualTo("value_error");
			JsonNode future = singleError(get(DATASETS + "?date_start=2026-06-01T00:00:00Z"));
			assertThat(future.get("msg").stringValue()).contains("default: now");
		}

		@Test
		void moreThanAThousandBucketsIsRejected() {
			JsonNode error = singleError(
					get(DATASETS + "?date_start=2026-03-23T00:00:00Z&date_end=2026-05-04T15:00:00Z"));
			assertThat(error.get("loc").toString()).isEqualTo("[\"query\",\"date_start\"]");
			assertThat(error.get("msg").stringValue()).contains("1000");
			assertThat(singleError(get(STATS + "?date_start=0001-01-01T00:00:00Z&date_end=9999-12-31T23:59:59Z"))
				.get("type")
				.stringValue()).isEqualTo("value_error");
			assertThat(get(DATASETS + "?interval=MONTHLY&date_start=1990-01-01T00:00:00Z").statusCode()).isEqualTo(200);
		}

		@Test
		void everyBadParameterIsReportedAtOnce() {
			HttpResponse<String> response = get(DATASETS + "?interval=SOMETIMES&tz=Nowhere&date_end=never");
			assertThat(response.statusCode()).isEqualTo(422);
			assertThat(TestHttp.json(response).get("detail").values())
				.extracting((error) -> error.get("loc").toString())
				.containsExactly("[\"query\",\"interval\"]", "[\"query\",\"tz\"]", "[\"query\",\"date_end\"]");
		}

	}

	@Nested
	class Routing {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { DATASETS, STATS })
		void clientKeyIsNotAllowed(String path) {
			HttpResponse<String> response = http().get(path, emulator().clientKey());
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("OperationNotAllowedError");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { DATASETS, STATS })
		void requestWithoutKeyIsRejectedAsInvalidToken(String path) {
			HttpResponse<String> response = http().send(http().request(path).GET());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(TestHttp.json(response).get("error_type").stringValue()).isEqualTo("InvalidTokenError");
		}

		@Test
		void pathsHaveNoTrailingSlash() {
			HttpResponse<String> response = get(DATASETS + "/?interval=DAILY");
			assertThat(response.statusCode()).isEqualTo(307);
			assertThat(response.headers().firstValue("Location"))
				.hasValue(emulator().baseUrl() + DATASETS + "?interval=DAILY");
		}

		@Test
		void requestsAreCountedPerOperation() {
			get(DATASETS);
			get(STATS);
			get(STATS);
			assertThat(emulator().state().requestCount(EmulatorOperation.METRICS_DATASETS)).isEqualTo(1);
			assertThat(emulator().state().requestCount(EmulatorOperation.METRICS_STATS)).isEqualTo(2);
		}

	}

	private static List<String> timestamps(JsonNode points) {
		return points.values().stream().map((point) -> point.get("timestamp").stringValue()).toList();
	}

	private static List<Long> values(JsonNode points, String field) {
		return points.values().stream().map((point) -> point.get(field).longValue()).toList();
	}

	private JsonNode ok(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return TestHttp.json(response);
	}

	private HttpResponse<String> get(String path) {
		return http().get(path, serverKey());
	}

	private static JsonNode singleError(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		JsonNode detail = TestHttp.json(response).get("detail");
		assertThat(detail.size()).as(response.body()).isEqualTo(1);
		return detail.get(0);
	}

	private MutableClock clock() {
		return this.clock;
	}

	private ImgwireEmulator emulator() {
		return this.running.emulator();
	}

	private TestHttp http() {
		return this.running.http();
	}

	private String serverKey() {
		return emulator().serverKey();
	}

}
