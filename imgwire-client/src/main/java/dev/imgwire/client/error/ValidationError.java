package dev.imgwire.client.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a 422 response's {@code detail} list.
 *
 * @param loc where the problem is, for example {@code ["body", "file_name"]}
 * @param msg human-readable message
 * @param type machine-readable error type
 * @author Imgwire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationError(@JsonProperty("loc") List<Object> loc, @JsonProperty("msg") String msg,
		@JsonProperty("type") String type) {

	public ValidationError {
		loc = (loc != null) ? List.copyOf(loc) : List.of();
	}

}
