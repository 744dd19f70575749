package dev.imgwire.client;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.imgwire.client.cors.CorsOrigin;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.metrics.MetricsQuery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The CORS origins, custom domain and metrics templates: the reactive clients' validation
 * before anything is sent, their typed errors, unwrapped, and their answers as plain
 * values.
 */
@Timeout(60)
class ResourceTemplatesTests extends EmulatorTestSupport {

	private final ImgwireTemplate template = new ImgwireTemplate(rootClient(), TIMEOUT);

	private boolean expectRequests;

	@AfterEach
	void nothingWasSentUnlessExpected() {
		if (!this.expectRequests) {
			assertThat(emulator.state().totalRequests()).isZero();
		}
	}

	private void expectRequests() {
		this.expectRequests = true;
	}

	@Nested
	class CorsOrigins {

		@Test
		void aBlankPatternIsRefused() {
			assertThatExceptionOfType(ImgwireRequestValidationException.class)
				.isThrownBy(() -> ResourceTemplatesTests.this.template.corsOrigins().create(" "))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("pattern"));
		}

		@Test
		void anIdThatIsNotAUuidIsRefused() {
			assertThatExceptionOfType(ImgwireRequestValidationException.class)
				.isThrownBy(
						() -> ResourceTemplatesTests.this.template.corsOrigins().update("origin-1", "https://a.test"))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("cors_origin_id"));
			assertThatExceptionOfType(ImgwireRequestValidationException.class)
				.isThrownBy(() -> ResourceTemplatesTests.this.template.corsOrigins().delete("origin-1"));
		}

		@Test
		void anInvalidLimitIsRefusedOnFirstUse() {
			try (Stream<CorsOrigin> origins = ResourceTemplatesTests.this.template.corsOrigins().listAll(101)) {
				assertThatExceptionOfType(ImgwireRequestValidationException.class).isThrownBy(origins::toList)
					.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("limit"));
			}
		}

		@Test
		void aNotFoundAnswerIsThrownTyped() {
			expectRequests();
			String id = UUID.randomUUID().toString();

			assertThatExceptionOfType(ImgwireNotFoundException.class)
				.isThrownBy(() -> ResourceTemplatesTests.this.template.corsOrigins().retrieve(id))
				.withMessageStartingWith("GET /api/v1/cors_origins/{cors_origin_id} failed with HTTP 404");
		}

		@Test
		void createdOriginsComeBackFromTheLazyStream() {
			expectRequests();
			ImgwireCorsOriginsTemplate corsOrigins = ResourceTemplatesTests.this.template.corsOrigins();
			for (int i = 0; i < 3; i++) {
				corsOrigins.create("https://s" + i + ".example.com");
			}

			try (Stream<CorsOrigin> origins = corsOrigins.listAll(2)) {
				assertThat(origins.map(CorsOrigin::pattern)).containsExactly("https://s0.example.com",
						"https://s1.example.com", "https://s2.example.com");
			}
		}

	}

	@Nested
	class CustomDomain {

		@Test
		void aHostnameThatIsNotOneIsRefused() {
			assertThatExceptionOfType(ImgwireRequestValidationException.class)
				.isThrownBy(() -> ResourceTemplatesTests.this.template.customDomain().create("not a host"))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("hostname"));
		}

		@Test
		void noCustomDomainIsANotFound() {
			expectRequests();

			assertThatExceptionOfType(ImgwireNotFoundException.class)
				.isThrownBy(() -> ResourceTemplatesTests.this.template.customDomain().retrieve())
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
		}

	}

	@Nested
	class Metrics {

		@Test
		void anUnknownTimeZoneIsRefused() {
			MetricsQuery query = MetricsQuery.defaults().withTimeZone("Mars/Olympus_Mons");

			assertThatExceptionOfType(ImgwireRequestValidationException.class)
				.isThrownBy(() -> ResourceTemplatesTests.this.template.metrics().stats(query))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tz"));
		}

		@Test
		void aWindowThatEndsBeforeItStartsIsRefused() {
			OffsetDateTime now = OffsetDateTime.now();
			MetricsQuery query = MetricsQuery.defaults().withWindow(now, now.minusDays(1));

			assertThatExceptionOfType(ImgwireRequestValidationException.class)
				.isThrownBy(() -> ResourceTemplatesTests.this.template.metrics().datasets(query))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("date_start"));
		}

		@Test
		void datasetsComeBackAsPlainValues() {
			expectRequests();

			assertThat(ResourceTemplatesTests.this.template.metrics().datasets(MetricsQuery.defaults()).uploads())
				.isNotEmpty();
		}

	}

}
