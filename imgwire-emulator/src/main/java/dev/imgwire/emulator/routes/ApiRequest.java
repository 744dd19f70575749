package dev.imgwire.emulator.routes;

import java.util.Map;

/**
 * A routed, authenticated request.
 *
 * @param exchange the underlying request
 * @param pathVariables decoded path variables
 * @param caller who sent it
 * @author imgwire
 */
record ApiRequest(Exchange exchange, Map<String, String> pathVariables, Caller caller) {

	String pathVariable(String name) {
		return this.pathVariables.get(name);
	}

}
