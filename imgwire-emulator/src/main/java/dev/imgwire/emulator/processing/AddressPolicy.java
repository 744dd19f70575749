package dev.imgwire.emulator.processing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses {@code upload_via_url} may fetch from. The real Imgwire fetches public
 * URLs only, so by default everything a server-side request forgery would aim at is
 * refused: loopback, link-local (cloud metadata services live there), private and
 * unique-local ranges, the unspecified address, multicast, broadcast and other reserved
 * ranges, also when embedded in an IPv6 address. Loopback can be allowed for tests whose
 * sources run on the same machine; nothing else can.
 *
 * @author imgwire
 */
public final class AddressPolicy {

	private final boolean allowLoopback;

	public AddressPolicy(boolean allowLoopback) {
		this.allowLoopback = allowLoopback;
	}

	public boolean allowLoopback() {
		return this.allowLoopback;
	}

	/**
	 * Whether a fetch may connect to an address.
	 * @param address the resolved address
	 * @return whether it is allowed
	 */
	public boolean allows(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return this.allowLoopback;
		}
		return isPublic(address);
	}

	/**
	 * Whether an address is publicly routable, as far as a fetch is concerned.
	 * @param address the address
	 * @return whether it is public
	 */
	static boolean isPublic(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return isPublicIpv4(bytes);
		}
		if (address instanceof Inet6Address) {
			return isPublicIpv6(bytes);
		}
		return false;
	}

	private static boolean isPublicIpv4(byte[] bytes) {
		int first = bytes[0] & 0xFF;
		int second = bytes[1] & 0xFF;
		return !(first == 0 // "this network", including 0.0.0.0
				|| first == 10 // private
				|| first == 127 // loopback
				|| (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
				|| (first == 169 && second == 254) // link-local, cloud metadata
				|| (first == 172 && second >= 16 && second <= 31) // private
				|| (first == 192 && second == 0 && (bytes[2] & 0xFF) == 0) // IETF use
				|| (first == 192 && second == 168) // private
				|| (first == 198 && (second == 18 || second == 19)) // benchmarking
				|| first >= 224); // multicast, reserved and broadcast
	}

	private static boolean isPublicIpv6(byte[] bytes) {
		int first = bytes[0] & 0xFF;
		int second = bytes[1] & 0xFF;
		if ((first & 0xFE) == 0xFC) {
			// fc00::/7, unique local
			return false;
		}
		if (first == 0xFE && (second & 0xC0) == 0x80) {
			// fe80::/10, link-local
			return false;
		}
		if (first == 0xFF) {
			return false;
		}
		if (allZero(bytes, 0, 12)) {
			// ::/96: unspecified, loopback and the deprecated IPv4-compatible addresses
			return false;
		}
		if (allZero(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF) {
			// ::ffff:0:0/96, IPv4-mapped (Java usually hands these out as IPv4 already)
			return isPublicIpv4(slice(bytes, 12));
		}
		if (first == 0x00 && second == 0x64 && (bytes[2] & 0xFF) == 0xFF && (bytes[3] & 0xFF) == 0x9B
				&& allZero(bytes, 4, 12)) {
			// 64:ff9b::/96, NAT64 with the IPv4 address in the last four bytes
			return isPublicIpv4(slice(bytes, 12));
		}
		if (first == 0x20 && second == 0x02) {
			// 2002::/16, 6to4 with the IPv4 address in bytes 2 to 5
			return isPublicIpv4(slice(bytes, 2));
		}
		if (first == 0x01 && second == 0x00 && allZero(bytes, 2, 8)) {
			// 100::/64, discard-only
			return false;
		}
		return true;
	}

	private static boolean allZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static byte[] slice(byte[] bytes, int from) {
		return new byte[] { bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3] };
	}

	/**
	 * Resolve a host and check every address it resolves to.
	 * @param host the host of a URL
	 * @return whether every address is allowed
	 * @throws UnknownHostException when the host does not resolve
	 */
	boolean allowsAll(String host) throws UnknownHostException {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		for (InetAddress address : InetAddress.getAllByName(bare)) {
			if (!allows(address)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return "AddressPolicy[allowLoopback=" + this.allowLoopback + "]";
	}

}
