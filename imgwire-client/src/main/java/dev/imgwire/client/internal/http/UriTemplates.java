package dev.imgwire.client.internal.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriUtils;

/**
 * Expands the API's URI templates as {@code WebClient}'s {@link DefaultUriBuilderFactory}
 * for the base URL does, without parsing the base URL and the template again for every
 * request. A template is expanded once by that factory with marker values; what lies
 * between the markers is the template's text as the factory renders it (the base URL
 * merged in, literals encoded), kept as is. A request then only encodes its values the
 * way the factory encodes URI variables, strictly (everything but RFC 3986 unreserved
 * characters is percent-encoded), and joins the pieces.
 * <p>
 * A template whose rendering does not show every marker exactly once (a base URL that
 * happens to contain one, say) is expanded by the factory each time, as before.
 *
 * @author Imgwire
 */
public final class UriTemplates {

	/**
	 * Templates are the operations' paths with their query names: a few dozen at most.
	 */
	private static final int MAX_CACHED = 256;

	private final DefaultUriBuilderFactory factory;

	private final String marker;

	private final Map<String, Template> cache = new ConcurrentHashMap<>();

	/**
	 * Create the templates of one base URL.
	 * @param factory the factory {@code WebClient} would use
	 */
	public UriTemplates(DefaultUriBuilderFactory factory) {
		this.factory = factory;
		// Unreserved characters only, so that encoding leaves the marker as it is.
		this.marker = "imgwireUriVariable" + Long.toHexString(Double.doubleToLongBits(Math.random()));
	}

	/**
	 * Expand a template.
	 * @param template the URI template, relative to the base URL
	 * @param values the values of its variables, in order
	 * @return the URI, as the factory would build it
	 */
	public URI expand(String template, Object... values) {
		Template compiled = this.cache.get(template);
		if (compiled == null) {
			compiled = compile(template, values.length);
			if (this.cache.size() < MAX_CACHED) {
				this.cache.putIfAbsent(template, compiled);
			}
		}
		return compiled.expand(values);
	}

	private Template compile(String template, int variables) {
		Object[] markers = new Object[variables];
		for (int i = 0; i < variables; i++) {
			markers[i] = this.marker + i + "x";
		}
		String rendered = this.factory.expand(template, markers).toString();
		if (occurrences(rendered, this.marker) != variables) {
			return new Template(template, null);
		}
		List<String> literals = new ArrayList<>(variables + 1);
		int from = 0;
		for (Object marker : markers) {
			int at = rendered.indexOf((String) marker, from);
			if (at < 0) {
				return new Template(template, null);
			}
			literals.add(rendered.substring(from, at));
			from = at + ((String) marker).length();
		}
		literals.add(rendered.substring(from));
		return new Template(template, literals.toArray(String[]::new));
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	/**
	 * Encode a URI variable's value as {@code DefaultUriBuilderFactory} does in its
	 * default mode.
	 * @param value the value
	 * @return the encoded value
	 */
	static String encode(@Nullable Object value) {
		String text = (value != null) ? value.toString() : "";
		for (int i = 0; i < text.length(); i++) {
			if (!isUnreserved(text.charAt(i))) {
				return UriUtils.encode(text, StandardCharsets.UTF_8);
			}
		}
		return text;
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	private final class Template {

		private final String template;

		private final String @Nullable [] literals;

		Template(String template, String @Nullable [] literals) {
			this.template = template;
			this.literals = literals;
		}

		URI expand(Object[] values) {
			String[] literals = this.literals;
			if (literals == null || values.length != literals.length - 1) {
				return UriTemplates.this.factory.expand(this.template, values);
			}
			StringBuilder uri = new StringBuilder(literals[0].length() + 16 * literals.length + 64);
			uri.append(literals[0]);
			for (int i = 0; i < values.length; i++) {
				uri.append(encode(values[i])).append(literals[i + 1]);
			}
			return URI.create(uri.toString());
		}

	}

}
