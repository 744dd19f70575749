package dev.imgwire.emulator.routes.http;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.imgwire.emulator.routes.wire.Uuids;

/**
 * A routed, authenticated request.
 *
 * @param exchange the underlying request
 * @param pathVariables decoded path variables
 * @param caller who sent it
 * @author imgwire
 */
public record ApiRequest(Exchange exchange, Map<String, String> pathVariables, Caller caller) {

	public String pathVariable(String name) {
		String value = this.pathVariables.get(name);
		if (value == null) {
			throw new IllegalArgumentException("The route has no path variable " + name);
		}
		return value;
	}

	/**
	 * A path variable declared as {@code format: uuid}.
	 * @param name the variable
	 * @return the UUID
	 * @throws dev.imgwire.emulator.routes.wire.ValidationException when it is no UUID
	 */
	public UUID uuidPathVariable(String name) {
		return Uuids.pathParameter(pathVariable(name), name);
	}

}
