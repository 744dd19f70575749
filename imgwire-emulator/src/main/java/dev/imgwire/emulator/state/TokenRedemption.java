package dev.imgwire.emulator.state;

/**
 * Outcome of redeeming an upload token.
 *
 * @param outcome what happened
 * @param token the token after redemption, or {@code null} when unknown
 * @author imgwire
 */
public record TokenRedemption(Outcome outcome, UploadTokenRecord token) {

	public enum Outcome {

		REDEEMED, UNKNOWN, EXPIRED, ALREADY_USED

	}

}
