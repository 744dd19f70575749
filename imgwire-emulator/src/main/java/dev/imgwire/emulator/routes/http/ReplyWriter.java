package dev.imgwire.emulator.routes.http;

import java.util.Arrays;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
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
		if (reply.hasFile()) {
			return response.sendFileChunked(reply.file(), 0, reply.length()).then();
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
		if (reply.hasFile()) {
			return response.sendFile(reply.file(), 0, sent).then();
		}
		byte[] part = Arrays.copyOf(reply.body(), (int) sent);
		return response.sendByteArray(Mono.just(part)).then();
	}

	/**
	 * Reset the TCP connection without a response. Linger zero makes the close an RST,
	 * which is what a crashed proxy or a dropped NAT entry looks like to the client.
	 * @param response the response never to send
	 * @return completion
	 */
	static Mono<Void> abort(HttpServerResponse response) {
		// Deferred: withConnection acts immediately, and a lost response must only be lost
		// after the operation ran.
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
