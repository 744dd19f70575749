package dev.imgwire.sample.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed logins the sample accepts before it refuses further attempts for a
 * while, per user name and per client address. The address limit is the higher one: many
 * people may share one address (an office, a NAT), and it is there to stop one client
 * trying many user names.
 *
 * @param maxFailuresPerUser failures for one user name within {@code window} that lock
 * that user name
 * @param maxFailuresPerAddress failures from one client address (an IPv6 client's /64)
 * within {@code window} that lock that address
 * @param window how far back failures count
 * @param lockout how long a locked user name or address is refused
 * @param maxTrackedKeys how many user names, and how many addresses, are remembered at
 * most; past that the entries whose failures have expired go first, then the least
 * recently seen
 * @author Imgwire
 */
@ConfigurationProperties("sample.security.login-throttle")
public record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerUser,
		@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("5m") Duration window,
		@DefaultValue("5m") Duration lockout, @DefaultValue("10000") int maxTrackedKeys) {

	public LoginThrottleProperties {
		requireAtLeastOne(maxFailuresPerUser, "max-failures-per-user");
		requireAtLeastOne(maxFailuresPerAddress, "max-failures-per-address");
		requireAtLeastOne(maxTrackedKeys, "max-tracked-keys");
		requirePositive(window, "window");
		requirePositive(lockout, "lockout");
	}

	private static void requireAtLeastOne(int value, String name) {
		if (value < 1) {
			throw new IllegalArgumentException("sample.security.login-throttle." + name + " must be at least 1");
		}
	}

	private static void requirePositive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("sample.security.login-throttle." + name + " must be positive");
		}
	}

}
