package dev.imgwire.emulator.routes.http;

import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.Json;
import dev.imgwire.emulator.routes.wire.ValidationException;

/**
 * A response decided by a handler but not yet written, so that CORS headers and faults
 * can still change how it goes out.
 *
 * @author imgwire
 */
public final class HttpReply {

	private final int status;

	private final HttpHeaders headers = new DefaultHttpHeaders();

	private final byte[] body;

	private final @Nullable Path file;

	private final long fileLength;

	private boolean closeConnection;

	private HttpReply(int status, byte[] body, @Nullable Path file, long fileLength) {
		this.status = status;
		this.body = body;
		this.file = file;
		this.fileLength = fileLength;
	}

	public static HttpReply json(int status, Object value) {
		return bytes(status, "application/json", Json.write(value));
	}

	public static HttpReply bytes(int status, String contentType, byte[] body) {
		return new HttpReply(status, body, null, 0).header("Content-Type", contentType);
	}

	public static HttpReply empty(int status) {
		return new HttpReply(status, new byte[0], null, 0);
	}

	public static HttpReply file(Path file, long length, String contentType) {
		return new HttpReply(200, new byte[0], file, length).header("Content-Type", contentType);
	}

	static HttpReply raw(int status, Map<String, String> headers, byte[] body) {
		HttpReply reply = new HttpReply(status, body, null, 0);
		return reply.headers(headers);
	}

	/**
	 * A domain error in {@code {"detail": "...", "error_type": "..."}} shape.
	 * @param error the error
	 * @return the reply
	 */
	public static HttpReply error(ApiException error) {
		return json(error.status(), error.body()).headers(error.headers());
	}

	/**
	 * A 422 in FastAPI's {@code HTTPValidationError} shape.
	 * @param error the error
	 * @return the reply
	 */
	public static HttpReply error(ValidationException error) {
		return json(422, error.body());
	}

	public HttpReply header(String name, String value) {
		this.headers.set(name, value);
		return this;
	}

	public HttpReply headers(Map<String, String> values) {
		values.forEach(this::header);
		return this;
	}

	/**
	 * Close the connection once this reply is sent, e.g. because the request body was
	 * left unread.
	 * @return this reply
	 */
	HttpReply closeConnection() {
		this.closeConnection = true;
		return this;
	}

	boolean closesConnection() {
		return this.closeConnection;
	}

	int status() {
		return this.status;
	}

	HttpHeaders headers() {
		return this.headers;
	}

	byte[] body() {
		return this.body;
	}

	@Nullable Path file() {
		return this.file;
	}

	long length() {
		return (this.file != null) ? this.fileLength : this.body.length;
	}

	boolean hasFile() {
		return this.file != null;
	}

}
