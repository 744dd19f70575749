package dev.imgwire.emulator.routes;

import reactor.core.publisher.Mono;

/**
 * Handles one operation. Domain and validation errors are signalled as
 * {@link ApiException} and {@link ValidationException} and rendered centrally.
 *
 * @author imgwire
 */
@FunctionalInterface
interface RouteHandler {

	Mono<HttpReply> handle(ApiRequest request);

}
