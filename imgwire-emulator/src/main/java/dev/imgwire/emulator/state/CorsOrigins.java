package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The CORS origins of the environment, in creation order. They decide which browser
 * origins may use client keys, presigned PUTs and the CDN; none at all allows any origin.
 * <p>
 * Writes take one monitor. The patterns are also published as an immutable snapshot, so
 * the CORS check on every request reads them without locking.
 *
 * @author imgwire
 */
public final class CorsOrigins {

	private final Object monitor = new Object();

	private final UUID environmentId;

	private final Map<UUID, EmulatedCorsOrigin> byId = new LinkedHashMap<>();

	private volatile List<String> patterns = List.of();

	public CorsOrigins(UUID environmentId) {
		this.environmentId = environmentId;
	}

	public EmulatedCorsOrigin create(String pattern, Instant now) {
		synchronized (this.monitor) {
			EmulatedCorsOrigin origin = new EmulatedCorsOrigin(UUID.randomUUID(), this.environmentId, pattern, now,
					now);
			this.byId.put(origin.id(), origin);
			publish();
			return origin;
		}
	}

	public Optional<EmulatedCorsOrigin> find(UUID id) {
		synchronized (this.monitor) {
			return Optional.ofNullable(this.byId.get(id));
		}
	}

	/**
	 * Replace the pattern of an origin; it keeps its place in creation order.
	 * @param id the origin
	 * @param pattern the new pattern
	 * @param now the time of the change
	 * @return the updated origin, or empty when it is unknown
	 */
	public Optional<EmulatedCorsOrigin> update(UUID id, String pattern, Instant now) {
		synchronized (this.monitor) {
			EmulatedCorsOrigin current = this.byId.get(id);
			if (current == null) {
				return Optional.empty();
			}
			EmulatedCorsOrigin updated = current.withPattern(pattern, now);
			this.byId.put(id, updated);
			publish();
			return Optional.of(updated);
		}
	}

	public Optional<EmulatedCorsOrigin> delete(UUID id) {
		synchronized (this.monitor) {
			EmulatedCorsOrigin removed = this.byId.remove(id);
			publish();
			return Optional.ofNullable(removed);
		}
	}

	public Page<EmulatedCorsOrigin> page(long offset, long limit) {
		synchronized (this.monitor) {
			List<EmulatedCorsOrigin> items = this.byId.values().stream().skip(offset).limit(limit).toList();
			return new Page<>(items, this.byId.size());
		}
	}

	public List<EmulatedCorsOrigin> all() {
		synchronized (this.monitor) {
			return List.copyOf(this.byId.values());
		}
	}

	/**
	 * The current patterns, for the CORS check of each request; lock-free.
	 * @return the patterns in creation order
	 */
	public List<String> patterns() {
		return this.patterns;
	}

	public void clear() {
		synchronized (this.monitor) {
			this.byId.clear();
			publish();
		}
	}

	private void publish() {
		this.patterns = this.byId.values().stream().map(EmulatedCorsOrigin::pattern).toList();
	}

}
