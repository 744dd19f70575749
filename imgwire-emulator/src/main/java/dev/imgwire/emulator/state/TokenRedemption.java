package dev.imgwire.emulator.state;

import org.jspecify.annotations.Nullable;

/**
 * Outcome of redeeming an upload token.
 *
 * @param outcome what happened
 * @param token the token after redemption, or {@code null} when unknown
 * @author imgwire
 */
public record TokenRedemption(Outcome outcome, @Nullable UploadTokenRecord token) {

	public enum Outcome {

		REDEEMED, UNKNOWN, EXPIRED, ALREADY_USED

	}

}
