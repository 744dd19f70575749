package dev.imgwire.emulator.routes.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Closes a connection gently after a reply that left the request body unread, e.g. a 413
 * for a 700 MB JSON body or a 401 for a bogus token.
 * <p>
 * A plain close while the client is still sending makes the kernel reset the connection,
 * and most clients then report a broken connection instead of the reply. So the reply is
 * followed by a half-close, and whatever the client still sends is discarded unparsed
 * (nothing is buffered) until it closes its end, at most {@link #MAX_LINGER} later.
 *
 * @author imgwire
 */
public final class LingeringClose extends ChannelDuplexHandler {

	static final Duration MAX_LINGER = Duration.ofSeconds(5);

	private static final String NAME = "imgwire.lingeringClose";

	private volatile boolean requested;

	private boolean lingering;

	/**
	 * Install on a new server channel, in front of everything, so discarded bytes never
	 * reach the HTTP decoder.
	 * @param channel the channel
	 */
	public static void install(Channel channel) {
		channel.pipeline().addFirst(NAME, new LingeringClose());
	}

	/**
	 * Linger when the connection of this response closes.
	 * @param response the response
	 */
	static void request(HttpServerResponse response) {
		response.withConnection((connection) -> {
			LingeringClose handler = connection.channel().pipeline().get(LingeringClose.class);
			if (handler != null) {
				handler.requested = true;
			}
		});
	}

	@Override
	public void close(ChannelHandlerContext context, ChannelPromise promise) {
		Channel channel = context.channel();
		if (this.lingering) {
			channel.closeFuture().addListener((closed) -> promise.trySuccess());
			return;
		}
		if (!this.requested || !channel.isActive() || !(channel instanceof SocketChannel socket)) {
			context.close(promise);
			return;
		}
		this.lingering = true;
		channel.closeFuture().addListener((closed) -> promise.trySuccess());
		channel.config().setAutoRead(true);
		socket.shutdownOutput().addListener((shutdown) -> {
			if (!shutdown.isSuccess()) {
				context.close();
			}
		});
		channel.eventLoop().schedule(() -> {
			context.close();
		}, MAX_LINGER.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) {
		if (this.lingering) {
			ReferenceCountUtil.release(message);
			return;
		}
		context.fireChannelRead(message);
	}

	@Override
	public void channelReadComplete(ChannelHandlerContext context) {
		if (!this.lingering) {
			context.fireChannelReadComplete();
		}
	}

	@Override
	public String toString() {
		return NAME;
	}

}
