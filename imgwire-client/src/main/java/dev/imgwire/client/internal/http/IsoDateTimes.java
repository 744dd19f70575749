package dev.imgwire.client.internal.http;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Reads the date-times servers actually send, {@code 2024-05-01T12:30:45.123456Z},
 * {@code …+02:00} or without an offset (read as UTC), without a
 * {@link DateTimeFormatter}: {@code DateTimeFormatter.ISO_DATE_TIME.parseBest} costs
 * microseconds per value, and an image carries four. Anything else, valid or not, is left
 * to the formatter, so the results and failures stay exactly the formatter's.
 * <p>
 * Recognised: {@code yyyy-MM-ddTHH:mm}, optionally {@code :ss} and a fraction of 1 to 9
 * digits, optionally followed by {@code Z} or {@code ±HH:MM}.
 *
 * @author Imgwire
 */
final class IsoDateTimes {

	private IsoDateTimes() {
	}

	/**
	 * Parse a date-time of the common form.
	 * @param text the text, trimmed
	 * @return the date-time, or {@code null} when the text is not of the common form or
	 * not a valid date-time, for the formatter to decide
	 */
	static @Nullable OffsetDateTime parse(String text) {
		int length = text.length();
		if (length < 16 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		if ((year | month | day | hour | minute) < 0) {
			return null;
		}
		int second = 0;
		int nano = 0;
		int at = 16;
		if (at < length && text.charAt(at) == ':') {
			second = digits(text, at + 1, 2);
			if (second < 0) {
				return null;
			}
			at += 3;
			if (at < length && text.charAt(at) == '.') {
				int start = ++at;
				while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
					nano = nano * 10 + (text.charAt(at) - '0');
					at++;
				}
				int fractionDigits = at - start;
				if (fractionDigits == 0) {
					return null;
				}
				for (int i = fractionDigits; i < 9; i++) {
					nano *= 10;
				}
			}
		}
		ZoneOffset offset;
		if (at == length) {
			offset = ZoneOffset.UTC;
		}
		else if (text.charAt(at) == 'Z' && at + 1 == length) {
			offset = ZoneOffset.UTC;
		}
		else if ((text.charAt(at) == '+' || text.charAt(at) == '-') && at + 6 == length && text.charAt(at + 3) == ':') {
			int offsetHours = digits(text, at + 1, 2);
			int offsetMinutes = digits(text, at + 4, 2);
			if ((offsetHours | offsetMinutes) < 0) {
				return null;
			}
			int sign = (text.charAt(at) == '-') ? -1 : 1;
			try {
				offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}
		else {
			return null;
		}
		try {
			return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nano), offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int digits(String text, int from, int count) {
		if (from + count > text.length()) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
