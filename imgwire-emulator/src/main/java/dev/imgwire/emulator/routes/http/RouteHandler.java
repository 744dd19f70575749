package dev.imgwire.emulator.routes.http;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.ValidationException;

/**
 * Handles one operation. Domain and validation errors are signalled as
 * {@link ApiException} and {@link ValidationException} and rendered centrally.
 *
 * @author imgwire
 */
@FunctionalInterface
public interface RouteHandler {

	Mono<HttpReply> handle(ApiRequest request);

}
