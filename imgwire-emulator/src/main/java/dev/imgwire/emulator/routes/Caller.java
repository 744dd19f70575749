package dev.imgwire.emulator.routes;

/**
 * Who sent a request, as far as authentication is concerned.
 *
 * @author imgwire
 */
enum Caller {

	SERVER_KEY, CLIENT_KEY, ANONYMOUS

}
