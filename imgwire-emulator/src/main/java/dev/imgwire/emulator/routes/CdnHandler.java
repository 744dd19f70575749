package dev.imgwire.emulator.routes;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.routes.http.ApiRequest;
import dev.imgwire.emulator.routes.http.Exchange;
import dev.imgwire.emulator.routes.http.HttpReply;
import dev.imgwire.emulator.routes.http.RouteHandler;
import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.Endpoints;
import dev.imgwire.emulator.routes.wire.Uuids;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageStatus;

/**
 * {@code GET <cdn_url>}: serves the original bytes. Presets ({@code <id>@medium}) and
 * transformation parameters are accepted and ignored, so SDK-built URLs resolve.
 * Quarantined images are not delivered.
 * <p>
 * Each delivery counts as a CDN request with its bytes in the usage metrics, and as a
 * transformation when it asked for one (see {@link #requestsTransformation}).
 *
 * @author imgwire
 */
final class CdnHandler implements RouteHandler {

	private final EmulatorStore store;

	private final Endpoints endpoints;

	CdnHandler(EmulatorStore store, Endpoints endpoints) {
		this.store = store;
		this.endpoints = endpoints;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		if (!this.endpoints.organizationId().toString().equals(request.pathVariable("organization_id"))
				|| !this.endpoints.environmentId().toString().equals(request.pathVariable("environment_id"))) {
			throw notFound();
		}
		String key = request.pathVariable("image_key");
		int preset = key.indexOf('@');
		UUID id = Uuids.parse((preset >= 0) ? key.substring(0, preset) : key).orElseThrow(CdnHandler::notFound);
		ImageRecord image = this.store.images()
			.find(id)
			.filter((candidate) -> candidate.status() == ImageStatus.PROCESSING
					|| candidate.status() == ImageStatus.READY)
			.orElseThrow(CdnHandler::notFound);
		Optional<Path> file = this.store.blobs().find(id);
		long size = this.store.blobs().size(id);
		if (file.isEmpty() || size < 0) {
			throw notFound();
		}
		Instant now = this.store.now();
		this.store.usage().recordCdnRequest(now, size);
		if (requestsTransformation(key, request.exchange())) {
			this.store.usage().recordTransformation(now);
		}
		return Mono.just(HttpReply.file(file.get(), size, image.format().mimeType())
			.header("Cache-Control", "public, max-age=31536000, immutable"));
	}

	/**
	 * The transformation counting hook: whether a delivery counts as a transformation in
	 * the metrics. While the CDN serves originals, a request that names a preset
	 * ({@code <id>@medium}) or carries any query parameter counts; once the CDN really
	 * transforms, this is where to count the transformations it performed instead.
	 * @param imageKey the last path segment, image id and optional preset
	 * @param exchange the request
	 * @return whether to count a transformation
	 */
	static boolean requestsTransformation(String imageKey, Exchange exchange) {
		return imageKey.indexOf('@') >= 0 || (exchange.rawQuery() != null && !exchange.rawQuery().isEmpty());
	}

	private static ApiException notFound() {
		return ApiException.notFound("Image not found");
	}

}
