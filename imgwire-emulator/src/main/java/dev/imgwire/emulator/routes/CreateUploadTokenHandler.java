package dev.imgwire.emulator.routes;

import java.time.Duration;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.state.EmulatorStore;

/**
 * {@code POST /api/v1/images/token}: issues a single-use token for signed client uploads.
 * The request has no body; any body sent is ignored.
 *
 * @author imgwire
 */
final class CreateUploadTokenHandler implements RouteHandler {

	private final EmulatorStore store;

	private final WireFormat wireFormat;

	private final Duration ttl;

	CreateUploadTokenHandler(EmulatorStore store, WireFormat wireFormat, Duration ttl) {
		this.store = store;
		this.wireFormat = wireFormat;
		this.ttl = ttl;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		return Mono.fromSupplier(() -> HttpReply.json(200,
				this.wireFormat.uploadToken(this.store.uploadTokens().issue(this.store.now(), this.ttl))));
	}

}
