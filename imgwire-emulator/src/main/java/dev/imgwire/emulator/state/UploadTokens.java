package dev.imgwire.emulator.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use upload tokens, keyed by their secret value.
 *
 * @author imgwire
 */
public final class UploadTokens {

	private final Map<String, UploadTokenRecord> byToken = new ConcurrentHashMap<>();

	public UploadTokenRecord issue(Instant now, Duration ttl) {
		UploadTokenRecord record = new UploadTokenRecord(UUID.randomUUID(), RandomSecrets.token("ut_"), now, now,
				now.plus(ttl), null);
		this.byToken.put(record.token(), record);
		return record;
	}

	public Optional<UploadTokenRecord> find(String token) {
		return Optional.ofNullable(this.byToken.get(token));
	}

	public synchronized TokenRedemption redeem(String token, Instant now) {
		UploadTokenRecord record = this.byToken.get(token);
		if (record == null) {
			return new TokenRedemption(TokenRedemption.Outcome.UNKNOWN, null);
		}
		if (record.usedAt() != null) {
			return new TokenRedemption(TokenRedemption.Outcome.ALREADY_USED, record);
		}
		if (record.expiredAt(now)) {
			return new TokenRedemption(TokenRedemption.Outcome.EXPIRED, record);
		}
		UploadTokenRecord used = record.used(now);
		this.byToken.put(token, used);
		return new TokenRedemption(TokenRedemption.Outcome.REDEEMED, used);
	}

	public List<UploadTokenRecord> all() {
		return this.byToken.values().stream().sorted(Comparator.comparing(UploadTokenRecord::createdAt)).toList();
	}

	/**
	 * Forget all tokens. Synchronized with {@link #redeem(String, Instant)}, which would
	 * otherwise put a token it read before the clear back afterwards.
	 */
	public synchronized void clear() {
		this.byToken.clear();
	}

}
