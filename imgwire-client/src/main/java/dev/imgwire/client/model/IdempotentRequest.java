package dev.imgwire.client.model;

import org.jspecify.annotations.Nullable;

/**
 * A request body with an {@code idempotency_key}. The client fills in a random key when
 * the caller gave none, once per operation, so that every retry carries the same one.
 *
 * @param <R> the request type
 * @author Imgwire
 */
public interface IdempotentRequest<R extends IdempotentRequest<R>> {

	/**
	 * The key the caller chose.
	 * @return the key, or {@code null} for a generated one
	 */
	@Nullable String idempotencyKey();

	/**
	 * A copy with a key.
	 * @param idempotencyKey the key
	 * @return the copy
	 */
	R withIdempotencyKey(@Nullable String idempotencyKey);

}
