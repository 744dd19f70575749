package dev.imgwire.client.internal.http;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;

import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireResponseException;
import dev.imgwire.client.error.ImgwireTransportException;

/**
 * Reads successful answers. The body is read whole (bounded by {@value #MAX_BODY_BYTES}
 * bytes) and parsed with the client's own {@link JsonCodec}, whatever the
 * {@code Content-Type}; anything that is not the expected JSON (malformed, HTML, empty)
 * becomes an {@link ImgwireResponseException}. A body cut short by the connection closing
 * is an {@link ImgwireTransportException}, like any lost answer.
 *
 * @author Imgwire
 */
public final class ResponseBodies {

	/**
	 * Largest successful body accepted: a page of 100 images with rich EXIF data fits
	 * comfortably.
	 */
	public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private final JsonCodec json;

	public ResponseBodies(JsonCodec json) {
		this.json = json;
	}

	/**
	 * Read a JSON body.
	 * @param <T> the target type
	 * @param response the answer
	 * @param type the target type
	 * @param method the request's method
	 * @param pathTemplate the request's path template
	 * @return the value; an {@link ImgwireResponseException} when unreadable
	 */
	public <T> Mono<T> read(ClientResponse response, JavaType type, String method, String pathTemplate) {
		int status = response.statusCode().value();
		long contentLength = response.headers().contentLength().orElse(-1);
		return response.body(BodyExtractors.toDataBuffers())
			// Each buffer copied once, straight into the array Jackson reads, and
			// released.
			.collect(() -> new BodyBytes(contentLength), BodyBytes::append)
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release)
			// A connection lost in the middle of the body is a lost answer, as much as
			// one lost before it: a transport failure, retried where the operation may
			// be.
			.onErrorMap((ex) -> !(ex instanceof ImgwireException),
					(ex) -> (TransportErrors.isTimeout(ex)) ? TransportErrors.map(ex, method, pathTemplate)
							: TransportErrors.isConnectionFailure(ex)
									? new ImgwireTransportException(method, pathTemplate,
											"the connection closed before the response body was complete", ex)
									: unreadable(method, pathTemplate, status, reason(ex), ex))
			.handle((body, sink) -> {
				try {
					sink.next(decode(body.bytes(), type, method, pathTemplate, status));
				}
				catch (ImgwireResponseException ex) {
					sink.error(ex);
				}
			});
	}

	/**
	 * Discard a body whose content does not matter, such as the presigned PUT's.
	 * @param response the answer
	 * @return completes once the body was drained
	 */
	public Mono<Void> discard(ClientResponse response) {
		return response.releaseBody().onErrorResume((ex) -> Mono.empty());
	}

	private <T> T decode(byte[] bytes, JavaType type, String method, String pathTemplate, int status) {
		if (bytes.length == 0) {
			throw unreadable(method, pathTemplate, status, "the body is empty", null);
		}
		T value;
		try {
			value = this.json.read(bytes, type);
		}
		catch (JacksonException ex) {
			throw unreadable(method, pathTemplate, status, describe(bytes, type), ex);
		}
		catch (RuntimeException ex) {
			// A record's constructor rejected the content.
			throw unreadable(method, pathTemplate, status, "not a valid " + type.getRawClass().getSimpleName(), ex);
		}
		if (value == null) {
			throw unreadable(method, pathTemplate, status, "the body is JSON null", null);
		}
		return value;
	}

	private static String describe(byte[] bytes, JavaType type) {
		String expected = type.isCollectionLikeType() ? "a JSON array" : "a JSON " + type.getRawClass().getSimpleName();
		int first = 0;
		while (first < bytes.length && Character.isWhitespace(bytes[first])) {
			first++;
		}
		if (first < bytes.length && bytes[first] == '<') {
			return "expected " + expected + " but got markup (an HTML or XML page)";
		}
		return "expected " + expected + " but the JSON is malformed or incomplete";
	}

	private static String reason(Throwable ex) {
		if (ex instanceof DataBufferLimitException) {
			return "the body is larger than " + MAX_BODY_BYTES + " bytes";
		}
		return "the body could not be read (" + ex.getClass().getSimpleName() + ")";
	}

	/**
	 * A body read whole into one array, up to {@link #MAX_BODY_BYTES}: sized by the
	 * {@code Content-Length} when there is one (but never allocated beyond
	 * {@link #PRESIZE_LIMIT} before the bytes are there), grown otherwise.
	 */
	private static final class BodyBytes {

		private static final int PRESIZE_LIMIT = 256 * 1024;

		private byte[] bytes;

		private int length;

		BodyBytes(long contentLength) {
			this.bytes = new byte[(contentLength >= 0) ? (int) Math.min(contentLength, PRESIZE_LIMIT) : 1024];
		}

		void append(DataBuffer buffer) {
			try {
				int readable = buffer.readableByteCount();
				if ((long) this.length + readable > MAX_BODY_BYTES) {
					throw new DataBufferLimitException("Exceeded limit on max bytes to buffer : " + MAX_BODY_BYTES);
				}
				if (this.length + readable > this.bytes.length) {
					int grown = (int) Math.min(MAX_BODY_BYTES,
							Math.max((long) this.length + readable, 2L * this.bytes.length));
					this.bytes = Arrays.copyOf(this.bytes, grown);
				}
				buffer.read(this.bytes, this.length, readable);
				this.length += readable;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

		byte[] bytes() {
			return (this.length == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.length);
		}

	}

	private static ImgwireResponseException unreadable(String method, String pathTemplate, int status, String reason,
			@Nullable Throwable cause) {
		return new ImgwireResponseException(method, pathTemplate, status, reason, cause);
	}

}
