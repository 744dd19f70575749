package dev.imgwire.emulator.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.state.EmulatorStore;

/**
 * {@code DELETE /api/v1/images/{image_id}}: a soft delete. The record disappears from
 * list, retrieve and the CDN; its bytes are dropped.
 *
 * @author imgwire
 */
final class DeleteImageHandler implements RouteHandler {

	private final EmulatorStore store;

	DeleteImageHandler(EmulatorStore store) {
		this.store = store;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		UUID id = Uuids.pathVariable(request, "image_id");
		if (!this.store.images().deleteAll(List.of(id), this.store.now()).isEmpty()) {
			throw ApiException.notFound("Image not found");
		}
		this.store.blobs().delete(id);
		Map<String, String> body = new LinkedHashMap<>();
		body.put("detail", "Image deleted");
		body.put("image_id", id.toString());
		return Mono.just(HttpReply.json(200, body));
	}

}
