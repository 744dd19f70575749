package dev.imgwire.client.validation;

import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written check of canonical UUIDs accepts exactly what the pattern of the API's
 * format accepts.
 */
class CanonicalUuidTests {

	private static final Pattern CANONICAL = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	@Test
	void agreesWithThePatternOnMutatedUuids() {
		Random random = new Random(11);
		String alphabet = "0123456789abcdefABCDEFgG-xz {}\n\u00e9\u0660";
		for (int i = 0; i < 50_000; i++) {
			StringBuilder text = new StringBuilder(new UUID(random.nextLong(), random.nextLong()).toString());
			if (random.nextBoolean()) {
				text = new StringBuilder(text.toString().toUpperCase());
			}
			int changes = random.nextInt(3);
			for (int change = 0; change < changes; change++) {
				int at = random.nextInt(text.length());
				switch (random.nextInt(3)) {
					case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
					case 1 -> text.deleteCharAt(at);
					default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
				}
			}
			String value = text.toString();
			assertThat(RequestValidator.isCanonicalUuid(value)).as(value).isEqualTo(CANONICAL.matcher(value).matches());
		}
	}

}
