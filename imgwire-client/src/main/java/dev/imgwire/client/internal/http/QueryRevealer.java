package dev.imgwire.client.internal.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;

import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.ClassUtils;

import dev.imgwire.client.error.ImgwireException;

/**
 * Puts the real query of a {@link ConcealedQuery} into the request line, at the last
 * moment: a Netty handler, added to the connection of the one request, replaces the
 * placeholder in the first {@link HttpRequest} written after it and removes itself. Works
 * with Reactor Netty, the connector Spring Boot picks by default; with another connector
 * the request fails with {@link Unsupported} before anything is sent, and the caller
 * sends it again with the real query.
 *
 * @author Imgwire
 */
final class QueryRevealer {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.Connection",
			QueryRevealer.class.getClassLoader());

	private static final String HANDLER_PREFIX = "imgwire.queryRevealer.";

	private QueryRevealer() {
	}

	/**
	 * Arrange for the real query to be sent.
	 * @param request the request, before its head is written
	 * @param query the concealed query
	 * @return removes the handler if it was never used
	 * @throws Unsupported when the connector is not Reactor Netty
	 */
	static Runnable install(ClientHttpRequest request, ConcealedQuery query) {
		Runnable cleanup = REACTOR_NETTY_PRESENT ? Netty.install(request, query) : null;
		if (cleanup == null) {
			throw new Unsupported(request.getClass().getName());
		}
		return cleanup;
	}

	/**
	 * The connector offers no way to change the request line; nothing was sent.
	 */
	static final class Unsupported extends ImgwireException {

		private final String requestType;

		Unsupported(String requestType) {
			super("The HTTP connector cannot keep a credential out of the request URL seen by logs");
			this.requestType = requestType;
		}

		/**
		 * The connector's request class, which names the connector.
		 * @return the class name
		 */
		String getRequestType() {
			return this.requestType;
		}

	}

	/**
	 * Keeps the Reactor Netty and Netty types out of the outer class.
	 */
	private static final class Netty {

		static @Nullable Runnable install(ClientHttpRequest request, ConcealedQuery query) {
			Object nativeRequest = request.getNativeRequest();
			if (!(nativeRequest instanceof Connection connection)) {
				return null;
			}
			String name = HANDLER_PREFIX + query.nonce();
			connection.addHandlerFirst(name, new RevealingHandler(query));
			return () -> {
				if (connection.channel().pipeline().context(name) != null) {
					connection.channel().eventLoop().execute(() -> {
						if (connection.channel().pipeline().context(name) != null) {
							connection.channel().pipeline().remove(name);
						}
					});
				}
			};
		}

	}

	/**
	 * Rewrites the first request head it sees, then leaves the pipeline.
	 */
	private static final class RevealingHandler extends ChannelOutboundHandlerAdapter {

		private final ConcealedQuery query;

		RevealingHandler(ConcealedQuery query) {
			this.query = query;
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (!(msg instanceof HttpRequest request)) {
				ctx.write(msg, promise);
				return;
			}
			String revealed = this.query.reveal(request.uri());
			ctx.write((revealed != null) ? withUri(request, revealed) : msg, promise);
			ctx.pipeline().remove(this);
		}

		/**
		 * A copy with the real target, so that Reactor Netty's own request object, which
		 * it may log later, keeps the placeholder.
		 */
		private static HttpRequest withUri(HttpRequest request, String uri) {
			if (request instanceof FullHttpRequest full) {
				return full.replace(full.content()).setUri(uri);
			}
			if (!(request instanceof HttpContent)) {
				return new DefaultHttpRequest(request.protocolVersion(), request.method(), uri, request.headers());
			}
			return request.setUri(uri);
		}

	}

}
