package dev.imgwire.emulator.routes.http;

import io.netty.handler.codec.http.HttpMethod;

import dev.imgwire.emulator.EmulatorOperation;

/**
 * One method and path served by one handler.
 *
 * @param method the HTTP method
 * @param path the path template
 * @param operation the operation, for counters and faults
 * @param access the keys accepted
 * @param handler the handler
 * @author imgwire
 */
public record Route(HttpMethod method, PathTemplate path, EmulatorOperation operation, Access access,
		RouteHandler handler) {

	public static Route of(HttpMethod method, String path, EmulatorOperation operation, Access access,
			RouteHandler handler) {
		return new Route(method, PathTemplate.of(path), operation, access, handler);
	}

}
