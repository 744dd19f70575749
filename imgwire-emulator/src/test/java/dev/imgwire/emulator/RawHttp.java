package dev.imgwire.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client would send: broken
 * encodings, lying lengths, bodies that stall. Every read is bounded by a socket timeout,
 * so a server that never answers fails the test instead of hanging it.
 */
final class RawHttp implements AutoCloseable {

	static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	RawHttp(int port) {
		this(port, READ_TIMEOUT);
	}

	RawHttp(int port, Duration readTimeout) {
		try {
			this.socket = new Socket("127.0.0.1", port);
			this.socket.setSoTimeout((int) readTimeout.toMillis());
			this.in = this.socket.getInputStream();
			this.out = this.socket.getOutputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A request head with CRLF line ends and the blank line that ends it.
	 */
	static byte[] head(String requestLine, String... headers) {
		StringBuilder text = new StringBuilder(requestLine).append("\r\n");
		for (String header : headers) {
			text.append(header).append("\r\n");
		}
		return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

	RawHttp write(byte[] bytes) {
		try {
			this.out.write(bytes);
			this.out.flush();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	RawHttp write(String text) {
		return write(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Write as much as the server takes, stopping quietly when it closes or resets the
	 * connection (a server that refuses a body may do that once it has answered).
	 * @return whether everything was written
	 */
	boolean writeTolerantly(byte[] bytes) {
		try {
			this.out.write(bytes);
			this.out.flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Read one response: status line, headers and a body framed by Content-Length or
	 * chunked encoding, or everything up to the close.
	 */
	Response read() {
		Response head = readHead();
		Map<String, String> headers = head.headers();
		try {
			byte[] body;
			if (headers.containsKey("content-length")) {
				body = this.in.readNBytes(Integer.parseInt(headers.get("content-length")));
			}
			else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = readChunked();
			}
			else {
				body = this.in.readAllBytes();
			}
			return new Response(head.status(), headers, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Read status line and headers only, leaving the body to be read.
	 */
	Response readHead() {
		try {
			String statusLine = readLine();
			if (statusLine == null) {
				throw new IOException("Connection closed before a response");
			}
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, new byte[0]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the server closed the connection: end of stream or a reset within the
	 * socket's read timeout.
	 */
	boolean closedByServer() {
		try {
			return this.in.read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (SocketException ex) {
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Read {@code total} body bytes as they arrive, keeping each read separately.
	 */
	List<byte[]> readPieces(int total) {
		List<byte[]> pieces = new ArrayList<>();
		byte[] buffer = new byte[8192];
		int received = 0;
		try {
			while (received < total) {
				int read = this.in.read(buffer, 0, Math.min(buffer.length, total - received));
				if (read < 0) {
					break;
				}
				pieces.add(Arrays.copyOf(buffer, read));
				received += read;
			}
			return pieces;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int next = this.in.read(); next != -1; next = this.in.read()) {
			if (next == '\n') {
				String text = line.toString(StandardCharsets.ISO_8859_1);
				return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
			}
			line.write(next);
		}
		return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int size = Integer.parseInt(readLine().trim(), 16); size > 0; size = Integer.parseInt(readLine().trim(),
				16)) {
			body.writeBytes(this.in.readNBytes(size));
			readLine();
		}
		readLine();
		return body.toByteArray();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Nothing to release.
		}
	}

	record Response(int status, Map<String, String> headers, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			return TestHttp.JSON.readTree(this.body);
		}

		@Override
		public String toString() {
			String text = text();
			return this.status + " " + ((text.length() > 300) ? text.substring(0, 300) + "..." : text);
		}

	}

}
