package dev.imgwire.emulator.routes.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Writes {@link HttpReply replies} to Reactor Netty, faithfully or damaged on purpose.
 *
 * @author imgwire
 */
final class ReplyWriter {

	private ReplyWriter() {
	}

	static Mono<Void> send(HttpServerResponse response, HttpReply reply) {
		prepare(response, reply, reply.length());
		Path file = reply.file();
		if (file != null) {
			return response.sendFileChunked(file, 0, reply.length()).then();
		}
		if (reply.body().length == 0) {
			return response.send().then();
		}
		return response.sendByteArray(Mono.just(reply.body())).then();
	}

	/**
	 * Announce the full length, send about half of the body and close the connection, as
	 * a proxy dying mid-response would.
	 * @param response the response
	 * @param reply the reply to damage
	 * @return completion
	 */
	static Mono<Void> sendTruncated(HttpServerResponse response, HttpReply reply) {
		long length = reply.length();
		long declared = (length >= 2) ? length : length + 16;
		long sent = (length >= 2) ? length / 2 : length;
		prepare(response, reply, declared);
		response.keepAlive(false);
		Path file = reply.file();
		if (file != null) {
			return response.sendFile(file, 0, sent).then();
		}
		byte[] part = Arrays.copyOf(reply.body(), (int) sent);
		return response.sendByteArray(Mono.just(part)).then();
	}

	/**
	 * Send status and headers at once, then the body {@code bytes} at a time, the first
	 * piece right away and each further one {@code interval} later. Files are read piece
	 * by piece, so dripping a large one holds one piece in memory.
	 * @param response the response
	 * @param reply the reply to drip
	 * @param bytes the size of a piece
	 * @param interval the pause between pieces
	 * @return completion
	 */
	static Mono<Void> sendDripping(HttpServerResponse response, HttpReply reply, int bytes, Duration interval) {
		long length = reply.length();
		prepare(response, reply, length);
		long pieces = (length + bytes - 1) / bytes;
		if (pieces == 0) {
			return response.send().then();
		}
		Flux<Long> ticks = Flux.interval(Duration.ZERO, interval).take(pieces);
		Flux<ByteBuf> body;
		if (reply.hasFile()) {
			body = Flux.using(() -> FileChannel.open(reply.file(), StandardOpenOption.READ),
					(channel) -> ticks
						.map((piece) -> readPiece(channel, piece * bytes, pieceLength(length, piece, bytes))),
					ReplyWriter::closeQuietly);
		}
		else {
			body = ticks.map((piece) -> Unpooled.wrappedBuffer(reply.body(), (int) (piece * bytes),
					(int) pieceLength(length, piece, bytes)));
		}
		// Flush every piece, or Netty would gather them into one write.
		return response.send(body, (buffer) -> true).then();
	}

	private static long pieceLength(long length, long piece, int bytes) {
		return Math.min(bytes, length - piece * bytes);
	}

	private static ByteBuf readPiece(FileChannel channel, long position, long length) {
		ByteBuffer buffer = ByteBuffer.allocate((int) length);
		try {
			while (buffer.hasRemaining()) {
				if (channel.read(buffer, position + buffer.position()) < 0) {
					throw new EOFException("File shrank while being dripped");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Unpooled.wrappedBuffer(buffer.flip());
	}

	private static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Read-only; nothing is lost.
		}
	}

	/**
	 * Reset the TCP connection without a response. Linger zero makes the close an RST,
	 * which is what a crashed proxy or a dropped NAT entry looks like to the client.
	 * @param response the response never to send
	 * @return completion
	 */
	static Mono<Void> abort(HttpServerResponse response) {
		// Deferred: withConnection acts immediately, and a lost response must only be
		// lost after the operation ran.
		return Mono.fromRunnable(() -> response.withConnection((connection) -> {
			Channel channel = connection.channel();
			channel.config().setOption(ChannelOption.SO_LINGER, 0);
			channel.close();
		}));
	}

	private static void prepare(HttpServerResponse response, HttpReply reply, long contentLength) {
		EmptyErrorBodies.markOwnReply(response);
		if (reply.closesConnection()) {
			response.keepAlive(false);
			if (reply.status() != 408) {
				// The client may still be sending the body this reply refused.
				LingeringClose.request(response);
			}
		}
		response.status(reply.status());
		response.responseHeaders().add(reply.headers());
		if (!response.responseHeaders().contains(HttpHeaderNames.CONTENT_LENGTH)) {
			response.responseHeaders().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
		}
	}

}
