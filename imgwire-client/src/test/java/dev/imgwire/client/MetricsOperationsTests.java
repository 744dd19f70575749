package dev.imgwire.client;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.metrics.ImgwireMetricsClient;
import dev.imgwire.client.metrics.MetricsDatasets;
import dev.imgwire.client.metrics.MetricsInterval;
import dev.imgwire.client.metrics.MetricsQuery;
import dev.imgwire.client.metrics.MetricsStats;
import dev.imgwire.emulator.EmulatorOperation;

import static dev.imgwire.client.ErrorMappingTests.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics client against the emulator, whose metrics come from what it counted.
 */
class MetricsOperationsTests extends EmulatorTestSupport {

	private ImgwireMetricsClient metrics() {
		return rootClient().metrics();
	}

	@Nested
	class Operations {

		@Test
		void datasetsCountAnUploadMadeThroughTheClient() {
			uploadPng(client(), "counted.png");

			MetricsDatasets datasets = metrics().datasets(MetricsQuery.defaults().withInterval(MetricsInterval.DAILY))
				.block(TIMEOUT);

			assertThat(datasets.uploads()).isNotEmpty();
			assertThat(datasets.uploads().stream().mapToLong(MetricsDatasets.Uploads::uploads).sum()).isEqualTo(1);
			assertThat(datasets.storageBytes()).isNotEmpty();
		}

		@Test
		void statsCountAnUploadMadeThroughTheClient() {
			uploadPng(client(), "counted.png");

			MetricsStats stats = metrics().stats(MetricsQuery.defaults()).block(TIMEOUT);

			assertThat(stats.uploads().value()).isEqualTo(1);
		}

		@Test
		void theQueryGoesOnTheWireEncodedWithTheApisNames() {
			OffsetDateTime start = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2));
			OffsetDateTime end = start.plusDays(3);

			metrics()
				.datasets(MetricsQuery.defaults()
					.withInterval(MetricsInterval.DAILY)
					.withTimeZone("Europe/Paris")
					.withWindow(start, end))
				.block(TIMEOUT);

			assertThat(MetricsOperationsTests.this.wire.last().pathAndQuery()).isEqualTo(
					"/api/v1/metrics/datasets?interval=DAILY&tz=Europe%2FParis&date_start=2026-11-01T00%3A00%3A00%2B02%3A00"
							+ "&date_end=2026-11-04T00%3A00%3A00%2B02%3A00");
		}

		@Test
		void aDefaultQuerySendsNoParameters() {
			metrics().stats(MetricsQuery.defaults()).block(TIMEOUT);

			assertThat(MetricsOperationsTests.this.wire.last().pathAndQuery()).isEqualTo("/api/v1/metrics/stats");
		}

		@Test
		void aStatsRequestAnsweredWithAServerErrorIsRetried() {
			emulator.faults().next(EmulatorOperation.METRICS_STATS, 1).respondWith(500);

			metrics().stats(MetricsQuery.defaults()).block(TIMEOUT);

			assertThat(emulator.state().requestCount(EmulatorOperation.METRICS_STATS)).isEqualTo(2);
		}

	}

	@Nested
	class Validation {

		@ParameterizedTest
		@ValueSource(strings = { "", " ", "Mars/Olympus", "UTC+99" })
		void aTimeZoneThatIsNoZoneIdIsRefusedBeforeAnythingIsSent(String tz) {
			ImgwireRequestValidationException ex = failure(metrics().datasets(MetricsQuery.defaults().withTimeZone(tz)),
					ImgwireRequestValidationException.class);

			assertThat(ex.getField()).isEqualTo("tz");
			assertThat(MetricsOperationsTests.this.wire.requests()).isEmpty();
		}

		@Test
		void aWindowThatEndsBeforeItStartsIsRefusedBeforeAnythingIsSent() {
			OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC);

			ImgwireRequestValidationException ex = failure(
					metrics().stats(MetricsQuery.defaults().withWindow(start, start.minusSeconds(1))),
					ImgwireRequestValidationException.class);

			assertThat(ex.getField()).isEqualTo("date_start");
			assertThat(ex.getRule()).contains("date_end");
			assertThat(MetricsOperationsTests.this.wire.requests()).isEmpty();
		}

		@Test
		void aMissingQueryIsRefusedBeforeAnythingIsSent() {
			failure(metrics().stats(null), ImgwireRequestValidationException.class);

			assertThat(MetricsOperationsTests.this.wire.requests()).isEmpty();
		}

	}

}
