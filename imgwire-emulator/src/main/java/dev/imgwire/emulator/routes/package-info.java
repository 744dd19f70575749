/**
 * HTTP side of the emulator: routing, authentication, CORS, request validation, the
 * JSON wire format and one handler per {@link dev.imgwire.emulator.EmulatorOperation}.
 */
package dev.imgwire.emulator.routes;
