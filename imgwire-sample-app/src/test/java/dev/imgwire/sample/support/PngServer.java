package dev.imgwire.sample.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * Serves one PNG over loopback HTTP, as the remote source of an import by URL.
 *
 * @author Imgwire
 */
public final class PngServer implements AutoCloseable {

	private final HttpServer server;

	public PngServer(byte[] png) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/picture.png", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, png.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(png);
			}
		});
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/picture.png";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
