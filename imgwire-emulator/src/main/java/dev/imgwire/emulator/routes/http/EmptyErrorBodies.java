package dev.imgwire.emulator.routes.http;

import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AttributeKey;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServerResponse;

import dev.imgwire.emulator.routes.wire.Json;

/**
 * Gives the error responses Reactor Netty writes by itself a JSON body in the documented
 * {@code {"detail": "...", "error_type": "..."}} shape. Reactor Netty answers requests it
 * cannot decode (a garbage request line, conflicting lengths, a bad chunk size, an
 * over-long URI or header) with an empty 400, 414 or 431 before any route runs.
 * <p>
 * Replies written by the routes are marked and pass unchanged, so a fault's exact body
 * stays exact.
 *
 * @author imgwire
 */
public final class EmptyErrorBodies extends ChannelOutboundHandlerAdapter {

	private static final String NAME = "imgwire.emptyErrorBodies";

	private static final AttributeKey<Boolean> OWN_REPLY = AttributeKey.valueOf("imgwire.ownReply");

	/**
	 * Install on a new server channel, right behind the HTTP codec.
	 * @param channel the channel
	 */
	public static void install(Channel channel) {
		ChannelPipeline pipeline = channel.pipeline();
		if (pipeline.get(NettyPipeline.HttpCodec) != null) {
			pipeline.addAfter(NettyPipeline.HttpCodec, NAME, new EmptyErrorBodies());
		}
	}

	static void markOwnReply(HttpServerResponse response) {
		response.withConnection((connection) -> connection.channel().attr(OWN_REPLY).set(Boolean.TRUE));
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
		if (message instanceof HttpResponse) {
			boolean own = context.channel().attr(OWN_REPLY).getAndSet(null) != null;
			if (!own && message instanceof FullHttpResponse full && full.status().code() >= 400
					&& !full.content().isReadable()) {
				context.write(withJsonBody(full), promise);
				return;
			}
		}
		context.write(message, promise);
	}

	private static FullHttpResponse withJsonBody(FullHttpResponse response) {
		byte[] body = Json.write(body(response.status().code(), response.status().reasonPhrase()));
		FullHttpResponse replaced = response.replace(Unpooled.wrappedBuffer(body));
		response.release();
		replaced.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		return replaced;
	}

	private static Map<String, Object> body(int status, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		switch (status) {
			case 400 -> put(body, "Malformed HTTP request", "InvalidRequestError");
			case 408 -> put(body, "Timed out reading the request", "RequestTimeoutError");
			case 413 -> put(body, "Request too large", "PayloadTooLargeError");
			case 414 -> put(body, "Request line too long", "InvalidRequestError");
			case 431 -> put(body, "Request header fields too large", "InvalidRequestError");
			default -> body.put("detail", reason);
		}
		return body;
	}

	private static void put(Map<String, Object> body, String detail, String errorType) {
		body.put("detail", detail);
		body.put("error_type", errorType);
	}

	@Override
	public String toString() {
		return NAME;
	}

}
