package dev.imgwire.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed percent-escapes, which the JDK client refuses to send, over a raw socket:
 * they are kept as text and fail validation like any bad value, as in Python and
 * JavaScript URL parsers, instead of failing the server.
 */
class MalformedUrlTests {

	@RegisterExtension
	final RunningEmulator running = new RunningEmulator();

	@Test
	void aMalformedEscapeInAPathVariableIsAValidationError() {
		assertThat(statusLine("/api/v1/images/%zz")).isEqualTo("HTTP/1.1 422 Unprocessable Entity");
	}

	@Test
	void aMalformedEscapeInAQueryValueIsAValidationError() {
		assertThat(statusLine("/api/v1/images/?limit=%zz")).isEqualTo("HTTP/1.1 422 Unprocessable Entity");
		assertThat(statusLine("/api/v1/images/?%zz=1")).isEqualTo("HTTP/1.1 200 OK");
	}

	@Test
	void aMalformedEscapeInACdnUrlIsNotFoundOrAnInvalidTransformation() {
		String cdnUrl = this.running.http()
			.retrieve(this.running.http().upload("a.png", "image/png", SampleImages.png(4, 4)))
			.get("cdn_url")
			.stringValue();
		String path = cdnUrl.substring(this.running.emulator().baseUrl().length());
		assertThat(statusLine(path + "%zz")).isEqualTo("HTTP/1.1 404 Not Found");
		assertThat(statusLine(path + "@%zz")).isEqualTo("HTTP/1.1 400 Bad Request");
		assertThat(statusLine(path + "?width=%zz")).isEqualTo("HTTP/1.1 400 Bad Request");
		assertThat(statusLine(path + "?width=100%")).isEqualTo("HTTP/1.1 400 Bad Request");
		assertThat(statusLine(path + "?w=%E0%A4%A")).isEqualTo("HTTP/1.1 400 Bad Request");
		assertThat(statusLine(path + "?%zz=1")).isEqualTo("HTTP/1.1 200 OK");
	}

	private String statusLine(String pathAndQuery) {
		try (Socket socket = new Socket("127.0.0.1", this.running.emulator().port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
					+ this.running.emulator().serverKey() + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
				line.append((char) c);
			}
			return line.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
