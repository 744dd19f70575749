package dev.imgwire.spring.boot.autoconfigure.health;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.error.ImgwireApiException;
import dev.imgwire.client.error.ImgwireAuthenticationException;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwirePermissionException;

/**
 * {@link org.springframework.boot.health.contributor.ReactiveHealthIndicator} that lists
 * one image to check that the Imgwire API is reachable and accepts the configured key.
 * Details never contain a key.
 *
 * @author Imgwire
 * @since 0.1.0
 */
public class ImgwireHealthIndicator extends AbstractReactiveHealthIndicator {

	private final ImgwireImagesClient client;

	private final Duration timeout;

	/**
	 * Create a new instance.
	 * @param client the client to check with
	 * @param timeout maximum time to wait for the API
	 */
	public ImgwireHealthIndicator(ImgwireImagesClient client, Duration timeout) {
		super("Imgwire health check failed");
		this.client = client;
		this.timeout = timeout;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.client.list(1, 1)
			.timeout(this.timeout)
			.map((page) -> builder.up().build())
			.onErrorResume((ex) -> Mono.just(builder.down().withDetail("error", describe(ex)).build()));
	}

	private String describe(Throwable ex) {
		if (ex instanceof ImgwireAuthenticationException || ex instanceof ImgwirePermissionException) {
			return ((ex instanceof ImgwireAuthenticationException) ? "authentication failed: " : "permission denied: ")
					+ status((ImgwireApiException) ex);
		}
		if (ex instanceof ImgwireApiException apiException) {
			return "API error: " + status(apiException);
		}
		if (ex instanceof TimeoutException) {
			return "no answer within " + this.timeout;
		}
		if (ex instanceof ImgwireException) {
			// Client messages never contain keys, tokens or signed URLs.
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		return ex.getClass().getName();
	}

	private static String status(ImgwireApiException ex) {
		return "HTTP " + ex.getStatusCode() + ((ex.getErrorType() != null) ? " " + ex.getErrorType() : "");
	}

}
