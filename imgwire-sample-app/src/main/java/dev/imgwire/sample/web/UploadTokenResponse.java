package dev.imgwire.sample.web;

import java.time.OffsetDateTime;

/**
 * What the browser needs to create one upload straight at Imgwire. Only the Client Key is
 * included: it may create uploads with a valid token and read single images, nothing
 * else.
 *
 * @param token single-use upload token, for the {@code upload_token} query parameter
 * @param expiresAt when the token stops working
 * @param clientKey the Client Key, for the {@code Authorization: Bearer} header
 * @param apiBaseUrl base URL of the Imgwire API, without a trailing slash
 * @author Imgwire
 */
public record UploadTokenResponse(String token, OffsetDateTime expiresAt, String clientKey, String apiBaseUrl) {

	@Override
	public String toString() {
		return "UploadTokenResponse[expiresAt=" + this.expiresAt + ", apiBaseUrl=" + this.apiBaseUrl
				+ ", token=<redacted>, clientKey=<redacted>]";
	}

}
