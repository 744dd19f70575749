package dev.imgwire.emulator.routes;

import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.state.Images;

/**
 * {@code GET /api/v1/images/{image_id}}, with a server or client key.
 *
 * @author imgwire
 */
final class RetrieveImageHandler implements RouteHandler {

	private final Images images;

	private final WireFormat wireFormat;

	RetrieveImageHandler(Images images, WireFormat wireFormat) {
		this.images = images;
		this.wireFormat = wireFormat;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		UUID id = Uuids.pathVariable(request, "image_id");
		return Mono.just(this.images.find(id)
			.map((image) -> HttpReply.json(200, this.wireFormat.image(image)))
			.orElseThrow(() -> ApiException.notFound("Image not found")));
	}

}
