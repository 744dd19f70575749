package dev.imgwire.sample.web;

import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.imgwire.client.ImgwireClientSettings;
import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.spring.boot.autoconfigure.ImgwireConnectionDetails;

/**
 * Step 1 of the browser upload: the server, holding the Server Key, creates a single-use
 * upload token and hands it to the logged-in user's browser together with the Client Key.
 * How many a user may create is limited by
 * {@link dev.imgwire.sample.ratelimit.UploadRateLimitWebFilter}.
 *
 * @author Imgwire
 */
@RestController
public final class UploadTokenController {

	private final ImgwireImagesClient client;

	private final ImgwireConnectionDetails connectionDetails;

	private final String apiBaseUrl;

	public UploadTokenController(ImgwireImagesClient client, ImgwireConnectionDetails connectionDetails) {
		this.client = client;
		this.connectionDetails = connectionDetails;
		this.apiBaseUrl = effectiveBaseUrl(connectionDetails);
	}

	@PostMapping("/api/upload-tokens")
	public Mono<UploadTokenResponse> createUploadToken() {
		return Mono.defer(() -> {
			String clientKey = this.connectionDetails.getClientKey();
			if (!StringUtils.hasText(clientKey)) {
				return Mono.error(new ClientKeyMissingException());
			}
			return this.client.createUploadToken()
				.map((token) -> new UploadTokenResponse(token.token(), token.expiresAt(), clientKey, this.apiBaseUrl));
		});
	}

	// The base URL the client really uses (blank means the default, no surrounding
	// spaces, no trailing slash): the browser must talk to the same Imgwire.
	private static String effectiveBaseUrl(ImgwireConnectionDetails connectionDetails) {
		return new ImgwireClientSettings(connectionDetails.getBaseUrl(),
				Objects.requireNonNull(connectionDetails.getServerKey()), null, null)
			.baseUrl();
	}

}
