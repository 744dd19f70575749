package dev.imgwire.emulator.routes.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A path such as {@code /api/v1/images/{image_id}}, matched segment by segment; a
 * trailing slash is a segment of its own, as in Starlette.
 *
 * @author imgwire
 */
public final class PathTemplate {

	private final String template;

	private final String[] segments;

	private PathTemplate(String template) {
		this.template = template;
		this.segments = template.split("/", -1);
	}

	static PathTemplate of(String template) {
		return new PathTemplate(template);
	}

	Optional<Map<String, String>> match(String path) {
		String[] actual = path.split("/", -1);
		if (actual.length != this.segments.length) {
			return Optional.empty();
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (int i = 0; i < actual.length; i++) {
			String expected = this.segments[i];
			if (expected.startsWith("{") && expected.endsWith("}")) {
				if (actual[i].isEmpty()) {
					return Optional.empty();
				}
				variables.put(expected.substring(1, expected.length() - 1), UrlDecoding.component(actual[i]));
			}
			else if (!expected.equals(actual[i])) {
				return Optional.empty();
			}
		}
		return Optional.of(variables);
	}

	@Override
	public String toString() {
		return this.template;
	}

}
