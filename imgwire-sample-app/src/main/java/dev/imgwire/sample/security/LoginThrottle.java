package dev.imgwire.sample.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Remembers failed logins per user name and per client address, and refuses further
 * attempts for {@code lockout} once either has failed too often within {@code window}. A
 * successful login forgets the user name's failures (not the address's: logging in to
 * one's own account must not buy more guesses at others).
 *
 * <p>
 * Failures are counted over a sliding window (the last {@code max} failure times are
 * kept), not a token bucket: a lock should last a fixed time, not drip guesses back one
 * by one. Memory is bounded: at most {@code maxTrackedKeys} user names and as many
 * addresses, each with at most {@code max} times, and user names are cut to
 * {@value #MAX_USER_KEY_LENGTH} characters. State is kept in memory, per instance, like
 * the upload rate limit.
 *
 * @author Imgwire
 */
public final class LoginThrottle {

	static final int MAX_USER_KEY_LENGTH = 256;

	private static final Log logger = LogFactory.getLog(LoginThrottle.class);

	private final Failures users;

	private final Failures addresses;

	private final Clock clock;

	public LoginThrottle(LoginThrottleProperties properties) {
		this(properties, Clock.systemUTC());
	}

	LoginThrottle(LoginThrottleProperties properties, Clock clock) {
		this.users = new Failures("user name", properties.maxFailuresPerUser(), properties);
		this.addresses = new Failures("client address", properties.maxFailuresPerAddress(), properties);
		this.clock = clock;
	}

	/**
	 * How long attempts for this user name from this address are still refused.
	 * @param username the user name as typed
	 * @param address the client's address key, see {@link #addressKey(InetAddress)}
	 * @return the time left, zero when attempts are allowed
	 */
	public Duration lockedFor(String username, String address) {
		Instant now = this.clock.instant();
		return longer(this.users.lockedFor(userKey(username), now), this.addresses.lockedFor(address, now));
	}

	/**
	 * Count a failed login.
	 * @param username the user name as typed
	 * @param address the client's address key
	 * @return how long attempts are now refused, zero when not locked yet
	 */
	public Duration recordFailure(String username, String address) {
		Instant now = this.clock.instant();
		return longer(this.users.recordFailure(userKey(username), now), this.addresses.recordFailure(address, now));
	}

	/**
	 * Forget the failures of a user name that just logged in.
	 * @param username the user name
	 */
	public void recordSuccess(String username) {
		this.users.forget(userKey(username));
	}

	int trackedUserNames() {
		return this.users.size();
	}

	int trackedAddresses() {
		return this.addresses.size();
	}

	/**
	 * The key failures from an address are counted under: the address itself for IPv4,
	 * the /64 network for IPv6, which one client usually has whole.
	 * @param address the client's address, or {@code null} when unknown
	 * @return the key
	 */
	public static String addressKey(@Nullable InetAddress address) {
		if (address == null) {
			return "unknown";
		}
		if (address instanceof Inet6Address) {
			byte[] network = Arrays.copyOf(address.getAddress(), 16);
			Arrays.fill(network, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(network).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return address.getHostAddress();
	}

	// User names are not case sensitive (MapReactiveUserDetailsService), so neither are
	// the counters; anything longer than a real user name shares one counter.
	static String userKey(String username) {
		String key = username.toLowerCase(Locale.ROOT);
		return (key.length() > MAX_USER_KEY_LENGTH) ? key.substring(0, MAX_USER_KEY_LENGTH) : key;
	}

	private static Duration longer(Duration first, Duration second) {
		return (first.compareTo(second) >= 0) ? first : second;
	}

	/**
	 * The recent failures of each key of one kind, least recently seen first.
	 */
	private static final class Failures {

		private final String kind;

		private final int maxFailures;

		private final Duration window;

		private final Duration lockout;

		private final int maxKeys;

		private final Map<String, Record> records = new LinkedHashMap<>(16, 0.75f, true);

		Failures(String kind, int maxFailures, LoginThrottleProperties properties) {
			this.kind = kind;
			this.maxFailures = maxFailures;
			this.window = properties.window();
			this.lockout = properties.lockout();
			this.maxKeys = properties.maxTrackedKeys();
		}

		synchronized Duration lockedFor(String key, Instant now) {
			Record record = this.records.get(key);
			return (record != null) ? record.lockedFor(now) : Duration.ZERO;
		}

		synchronized Duration recordFailure(String key, Instant now) {
			Record record = this.records.get(key);
			if (record == null) {
				makeRoom(now);
				record = new Record();
				this.records.put(key, record);
			}
			boolean wasLocked = !record.lockedFor(now).isZero();
			Duration locked = record.fail(now);
			if (!wasLocked && !locked.isZero()) {
				logger.warn("Refusing logins for the " + this.kind + " '" + printable(key) + "' for "
						+ this.lockout.toMinutes() + " min after " + this.maxFailures + " failures");
			}
			return locked;
		}

		synchronized void forget(String key) {
			this.records.remove(key);
		}

		synchronized int size() {
			return this.records.size();
		}

		// Expired records go first; if every one still counts, the least recently seen.
		private void makeRoom(Instant now) {
			if (this.records.size() < this.maxKeys) {
				return;
			}
			this.records.values().removeIf((record) -> record.isExpired(now));
			Iterator<Record> eldest = this.records.values().iterator();
			while (this.records.size() >= this.maxKeys && eldest.hasNext()) {
				eldest.next();
				eldest.remove();
			}
		}

		private static String printable(String key) {
			return key.replaceAll("\\p{Cntrl}", "?");
		}

		/**
		 * The failure times of one key within the window, and the end of its lock.
		 */
		private final class Record {

			private final ArrayDeque<Instant> times = new ArrayDeque<>();

			private @Nullable Instant lockedUntil;

			Duration lockedFor(Instant now) {
				return (this.lockedUntil != null && now.isBefore(this.lockedUntil))
						? Duration.between(now, this.lockedUntil) : Duration.ZERO;
			}

			Duration fail(Instant now) {
				Duration locked = lockedFor(now);
				if (!locked.isZero()) {
					// A failure that raced the lock does not lengthen it.
					return locked;
				}
				this.lockedUntil = null;
				Instant windowStart = now.minus(Failures.this.window);
				while (!this.times.isEmpty() && !this.times.peekFirst().isAfter(windowStart)) {
					this.times.pollFirst();
				}
				this.times.addLast(now);
				if (this.times.size() < Failures.this.maxFailures) {
					return Duration.ZERO;
				}
				this.times.clear();
				this.lockedUntil = now.plus(Failures.this.lockout);
				return Failures.this.lockout;
			}

			boolean isExpired(Instant now) {
				return lockedFor(now).isZero()
						&& (this.times.isEmpty() || !this.times.peekLast().isAfter(now.minus(Failures.this.window)));
			}

		}

	}

}
