package dev.imgwire.emulator.processing;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which literal addresses count as public. No name is resolved here.
 */
class AddressPolicyTests {

	private final AddressPolicy strict = new AddressPolicy(false);

	private final AddressPolicy loopbackAllowed = new AddressPolicy(true);

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.255",
			"127.0.0.1", "127.255.0.1", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.168.1.1",
			"198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "::", "::1",
			"::127.0.0.1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "fe80::1", "febf::1", "fec0::1", "fc00::1",
			"fdff:ffff::1", "ff02::1", "64:ff9b::a00:1", "64:ff9b::7f00:1", "2002:a00:1::1", "2002:7f00:1::",
			"100::1" })
	void nonPublicAddressesAreRefused(String literal) throws UnknownHostException {
		InetAddress address = InetAddress.getByName(literal);
		assertThat(AddressPolicy.isPublic(address)).isFalse();
		assertThat(this.strict.allows(address)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.1.1.1", "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1", "172.15.255.255",
			"172.32.0.1", "192.0.1.1", "192.169.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.255",
			"2606:4700:4700::1111", "2001:db8::1", "64:ff9b::808:808", "2002:808:808::1" })
	void publicAddressesAreAllowed(String literal) throws UnknownHostException {
		InetAddress address = InetAddress.getByName(literal);
		assertThat(AddressPolicy.isPublic(address)).isTrue();
		assertThat(this.strict.allows(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "::1" })
	void loopbackIsAllowedOnlyWhenAskedFor(String literal) throws UnknownHostException {
		InetAddress address = InetAddress.getByName(literal);
		assertThat(this.strict.allows(address)).isFalse();
		assertThat(this.loopbackAllowed.allows(address)).isTrue();
	}

	@Test
	void allowingLoopbackAllowsNothingElse() throws UnknownHostException {
		for (String literal : new String[] { "0.0.0.0", "::", "10.0.0.1", "169.254.169.254", "fc00::1", "224.0.0.1" }) {
			assertThat(this.loopbackAllowed.allows(InetAddress.getByName(literal))).as(literal).isFalse();
		}
	}

	@Test
	void everyAddressOfAHostIsChecked() throws UnknownHostException {
		assertThat(this.strict.allowsAll("[::1]")).isFalse();
		assertThat(this.loopbackAllowed.allowsAll("[::1]")).isTrue();
		assertThat(this.loopbackAllowed.allowsAll("127.0.0.1")).isTrue();
		assertThat(this.strict.allowsAll("8.8.8.8")).isTrue();
	}

}
