package dev.imgwire.emulator.processing;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Checks the address of every connection a fetch opens, right before the connect: the
 * first one, each redirect's, and whatever DNS answered by then. A refused address fails
 * the connect without a packet being sent, so the outcome cannot tell an open port from a
 * closed one.
 *
 * @author imgwire
 */
final class ConnectGuard extends ChannelOutboundHandlerAdapter {

	static final String NAME = "imgwire.connectGuard";

	private final AddressPolicy policy;

	ConnectGuard(AddressPolicy policy) {
		this.policy = policy;
	}

	@Override
	public void connect(ChannelHandlerContext context, SocketAddress remote, SocketAddress local,
			ChannelPromise promise) {
		if (remote instanceof InetSocketAddress address && !address.isUnresolved()
				&& this.policy.allows(address.getAddress())) {
			context.connect(remote, local, promise);
			return;
		}
		promise.setFailure(new RefusedAddressException());
	}

	/**
	 * A connection to an address the policy refuses. No stack trace: it is expected and
	 * reported to the client in one generic sentence.
	 */
	static final class RefusedAddressException extends RuntimeException {

		RefusedAddressException() {
			super("Refused to connect to a non-public address", null, false, false);
		}

	}

}
