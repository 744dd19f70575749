package dev.imgwire.client.internal.http;

import java.net.URI;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * A query string that is a credential (an {@code upload_token}, the signature of a
 * presigned upload URL) and so must reach the server and nothing else.
 * <p>
 * Spring's {@code WebClient} and Reactor Netty see the request with a placeholder query,
 * in which every value is replaced by {@code redacted-<nonce>}: that is what their DEBUG
 * logs, the {@code http.url} key value of {@code http.client.requests} observations and
 * the messages of their exceptions show. The real query is put back into the request line
 * by a Netty handler right before the HTTP codec encodes it (see {@link QueryRevealer}).
 * The nonce is random per request, so that a placeholder can never be confused with
 * another request's.
 *
 * @author Imgwire
 */
public final class ConcealedQuery {

	private static final String MASK = "redacted-";

	private final String query;

	private final String placeholder;

	private final String nonce;

	private ConcealedQuery(String query) {
		this.query = query;
		byte[] random = new byte[6];
		ThreadLocalRandom.current().nextBytes(random);
		this.nonce = HexFormat.of().formatHex(random);
		StringBuilder placeholder = new StringBuilder();
		for (String parameter : query.split("&", -1)) {
			if (!placeholder.isEmpty()) {
				placeholder.append('&');
			}
			int equals = parameter.indexOf('=');
			String name = (equals >= 0) ? parameter.substring(0, equals) : parameter;
			placeholder.append(name).append('=').append(MASK).append(this.nonce);
		}
		this.placeholder = placeholder.toString();
	}

	/**
	 * Conceal a raw (already encoded) query.
	 * @param rawQuery the query, without {@code ?}
	 * @return the concealed query
	 */
	public static ConcealedQuery of(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			throw new IllegalArgumentException("rawQuery must not be empty");
		}
		return new ConcealedQuery(rawQuery);
	}

	/**
	 * The query sent to Spring and Reactor Netty, for example
	 * {@code upload_token=redacted-1a2b3c4d5e6f}.
	 * @return the placeholder query, without {@code ?}
	 */
	public String placeholder() {
		return this.placeholder;
	}

	/**
	 * The real query, which only the wire sees.
	 * @return the raw query, without {@code ?}
	 */
	public String query() {
		return this.query;
	}

	String nonce() {
		return this.nonce;
	}

	/**
	 * Replace the query of a URI.
	 * @param uri an absolute URI
	 * @param rawQuery the raw query to use
	 * @return the URI with that query and no fragment
	 */
	public static URI withQuery(URI uri, String rawQuery) {
		StringBuilder result = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getRawAuthority());
		if (uri.getRawPath() != null) {
			result.append(uri.getRawPath());
		}
		return URI.create(result.append('?').append(rawQuery).toString());
	}

	/**
	 * Put the real query back into a request line's target.
	 * @param requestTarget the target as Netty is about to encode it (origin or absolute
	 * form)
	 * @return the target with the real query, or {@code null} when it does not carry this
	 * placeholder
	 */
	@Nullable String reveal(String requestTarget) {
		String suffix = "?" + this.placeholder;
		if (!requestTarget.endsWith(suffix)) {
			return null;
		}
		return requestTarget.substring(0, requestTarget.length() - this.placeholder.length()) + this.query;
	}

	@Override
	public String toString() {
		return "ConcealedQuery[" + this.placeholder + "]";
	}

}
