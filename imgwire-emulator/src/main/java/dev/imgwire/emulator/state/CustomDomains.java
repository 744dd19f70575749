package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The environment's custom domain: at most one, as in the real API.
 *
 * @author imgwire
 */
public final class CustomDomains {

	private final UUID environmentId;

	private final AtomicReference<CustomDomainRecord> current = new AtomicReference<>();

	public CustomDomains(UUID environmentId) {
		this.environmentId = environmentId;
	}

	public Optional<CustomDomainRecord> find() {
		return Optional.ofNullable(this.current.get());
	}

	/**
	 * Create the domain unless the environment already has one; two concurrent creates
	 * cannot both succeed.
	 * @param hostname the hostname, lower case
	 * @param now the creation time
	 * @return the new domain, or empty when one exists
	 */
	public Optional<CustomDomainRecord> createIfAbsent(String hostname, Instant now) {
		CustomDomainRecord created = CustomDomainRecord.pending(this.environmentId, hostname, now);
		return this.current.compareAndSet(null, created) ? Optional.of(created) : Optional.empty();
	}

	/**
	 * Record a connection test.
	 * @param now the time of the test
	 * @return the domain after the test, or empty when there is none
	 */
	public Optional<CustomDomainRecord> testConnection(Instant now) {
		return Optional.ofNullable(this.current.updateAndGet((domain) -> (domain != null) ? domain.tested(now) : null));
	}

	public Optional<CustomDomainRecord> delete() {
		return Optional.ofNullable(this.current.getAndSet(null));
	}

	public void clear() {
		this.current.set(null);
	}

}
