package dev.imgwire.emulator.routes.http;

/**
 * Which keys a route accepts ({@code x-codegen-sdk-auth} in the spec).
 *
 * @author imgwire
 */
public enum Access {

	/** Server keys only. */
	SERVER_KEY,

	/** Server or client keys: {@code standard_upload} and retrieve. */
	SERVER_OR_CLIENT_KEY,

	/** No key: presigned PUT, CDN and archives authorize by URL. */
	NONE

}
