package dev.imgwire.emulator.routes.http;

/**
 * Who sent a request, as far as authentication is concerned.
 *
 * @author imgwire
 */
public enum Caller {

	SERVER_KEY, CLIENT_KEY, ANONYMOUS

}
