package dev.imgwire.sample.web;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.sample.ratelimit.RateLimitDecision;
import dev.imgwire.sample.ratelimit.RateLimitExceededException;
import dev.imgwire.sample.ratelimit.UploadTokenRateLimiter;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * Step 1 of the browser upload: the server, holding the Server Key, creates a single-use
 * upload token and hands it to the logged-in user's browser together with the Client Key.
 *
 * @author Imgwire
 */
@RestController
public final class UploadTokenController {

	private final ImgwireImagesClient client;

	private final ImgwireConnectionDetails connectionDetails;

	private final UploadTokenRateLimiter rateLimiter;

	public UploadTokenController(ImgwireImagesClient client, ImgwireConnectionDetails connectionDetails,
			UploadTokenRateLimiter rateLimiter) {
		this.client = client;
		this.connectionDetails = connectionDetails;
		this.rateLimiter = rateLimiter;
	}

	@PostMapping("/api/upload-tokens")
	public Mono<UploadTokenResponse> createUploadToken(Principal principal) {
		return Mono.defer(() -> {
			String clientKey = this.connectionDetails.getClientKey();
			if (!StringUtils.hasText(clientKey)) {
				return Mono.error(new ClientKeyMissingException());
			}
			RateLimitDecision decision = this.rateLimiter.tryAcquire(principal.getName());
			if (!decision.allowed()) {
				return Mono.error(new RateLimitExceededException(decision.retryAfterSeconds()));
			}
			String apiBaseUrl = stripTrailingSlash(this.connectionDetails.getBaseUrl());
			return this.client.createUploadToken()
				.map((token) -> new UploadTokenResponse(token.token(), token.expiresAt(), clientKey, apiBaseUrl));
		});
	}

	private static String stripTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
