package dev.imgwire.emulator.routes;

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
record Route(HttpMethod method, PathTemplate path, EmulatorOperation operation, Access access, RouteHandler handler) {

}
