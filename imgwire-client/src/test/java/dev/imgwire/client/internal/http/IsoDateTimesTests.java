package dev.imgwire.client.internal.http;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fast reading of common date-times gives what the lenient ISO formatter gives, and
 * leaves everything else to it.
 */
class IsoDateTimesTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-05-01T12:30:45.123456Z", "2026-05-01T12:30:45Z", "2026-05-01T12:30Z",
			"2026-05-01T12:30:45.1+02:00", "2026-05-01T12:30:45.123456789-05:30", "2026-05-01T12:30:45",
			"2026-05-01T12:30:45.000001", "2026-05-01T00:00", "2024-02-29T23:59:59.999999999+18:00",
			"0001-01-01T00:00:00-18:00", "2026-05-01T12:30:45-00:00", "2026-05-01T12:30:45+00:30" })
	void commonFormsAreReadAsTheFormatterReadsThem(String text) {
		assertThat(IsoDateTimes.parse(text)).isNotNull().isEqualTo(formatter(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-05-01t12:30:45z", "2026-05-01T12:30:45+02", "2026-05-01T12:30:45+02:00:30",
			"2026-05-01T12:30:45+02:00[Europe/Paris]", "2026-05-01T12:30:45.Z", "2026-05-01T12:30:45.1234567891Z",
			"2026-02-30T12:00:00Z", "2026-13-01T12:00:00Z", "2026-05-01T24:00:00Z", "2026-05-01T12:60:00Z",
			"2026-05-01T12:30:60Z", "2026-05-01T12:30:45+19:00", "+2026-05-01T12:30:45Z", "2026-5-01T12:30:45Z",
			"2026-05-01 12:30:45Z", "2026-05-01T12:30:4Z", "2026-05-01T12:30:45+0200", "2026-05-01", "", "garbage",
			"2026-05-01T12:3a:45Z", "2026-05-01T12:30:45.12a" })
	void otherFormsAreLeftToTheFormatter(String text) {
		assertThat(IsoDateTimes.parse(text)).isNull();
	}

	@Test
	void randomTextsNeverDisagreeWithTheFormatter() {
		Random random = new Random(7);
		String alphabet = "0123456789-:T.Z+ tz[]";
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder("2026-05-01T12:30:45.123+02:00");
			int changes = 1 + random.nextInt(3);
			for (int change = 0; change < changes; change++) {
				int at = random.nextInt(text.length());
				switch (random.nextInt(3)) {
					case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
					case 1 -> text.deleteCharAt(at);
					default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
			texts.add(text.toString());
		}
		for (String text : texts) {
			OffsetDateTime fast = IsoDateTimes.parse(text);
			if (fast != null) {
				assertThat(fast).as(text).isEqualTo(formatter(text));
			}
		}
	}

	@Test
	void theCodecReadsBothPathsAndStillRejectsNonsense() {
		JsonCodec codec = new JsonCodec();
		JavaType type = codec.type(Times.class);
		Times times = codec.read(
				"{\"a\":\"2026-05-01T12:30:45.5Z\",\"b\":\"2026-05-01T12:30:45+02:00[Europe/Paris]\",\"c\":\" 2026-05-01T12:30 \"}"
					.getBytes(),
				type);
		assertThat(times.a()).isEqualTo(OffsetDateTime.of(2026, 5, 1, 12, 30, 45, 500_000_000, ZoneOffset.UTC));
		assertThat(times.b()).isEqualTo(OffsetDateTime.of(2026, 5, 1, 12, 30, 45, 0, ZoneOffset.ofHours(2)));
		assertThat(times.c()).isEqualTo(OffsetDateTime.of(2026, 5, 1, 12, 30, 0, 0, ZoneOffset.UTC));
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> codec.read("{\"a\":\"2026-02-30T12:00:00Z\"}".getBytes(), type));
	}

	private static OffsetDateTime formatter(String text) {
		try {
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
					LocalDateTime::from);
			return (parsed instanceof OffsetDateTime offsetDateTime) ? offsetDateTime
					: ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	record Times(OffsetDateTime a, OffsetDateTime b, OffsetDateTime c) {
	}

}
