package dev.imgwire.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What one operation sends, apart from what its
 * {@link dev.imgwire.client.ImgwireOperation} already says: the path variables, the
 * query, the JSON body and the credential. Built inside the operation's observation,
 * after its arguments were validated.
 *
 * @author Imgwire
 */
public final class ApiRequest {

	private final Object[] pathVariables;

	// In the order the operation adds them, which is fixed, so that one set of
	// parameters always gives the same URI template.
	private Map<String, Object> query = Map.of();

	private @Nullable Object body;

	private @Nullable String uploadToken;

	private @Nullable String imageId;

	private ApiRequest(Object[] pathVariables) {
		this.pathVariables = pathVariables;
	}

	/**
	 * Start a request.
	 * @param pathVariables the values of the path template's variables, in order
	 * @return the request
	 */
	public static ApiRequest to(Object... pathVariables) {
		return new ApiRequest(pathVariables.clone());
	}

	/**
	 * Add a query parameter; it goes into the URI template by name, so the template stays
	 * bounded and the value is encoded.
	 * @param name the parameter name
	 * @param value the value, or {@code null} to leave the parameter out
	 * @return this request
	 */
	public ApiRequest query(String name, @Nullable Object value) {
		if (value != null) {
			if (this.query.isEmpty()) {
				this.query = new LinkedHashMap<>();
			}
			this.query.put(name, value);
		}
		return this;
	}

	/**
	 * Set the JSON body. A body that is an
	 * {@link dev.imgwire.client.model.IdempotentRequest} without a key gets one, the same
	 * for every attempt.
	 * @param body the body
	 * @return this request
	 */
	public ApiRequest body(Object body) {
		this.body = body;
		return this;
	}

	/**
	 * Authenticate with an upload token (and the Client Key when one is configured)
	 * instead of the Server Key. The token is a credential: it travels as a concealed
	 * query.
	 * @param uploadToken the token
	 * @return this request
	 */
	public ApiRequest uploadToken(String uploadToken) {
		this.uploadToken = uploadToken;
		return this;
	}

	/**
	 * Name the image the request concerns, for the observation's high-cardinality keys.
	 * @param imageId the image id
	 * @return this request
	 */
	public ApiRequest image(String imageId) {
		this.imageId = imageId;
		return this;
	}

	/**
	 * The URI template: the path template followed by the query's names as variables.
	 * @param pathTemplate the operation's path template
	 * @return the template
	 */
	String uriTemplate(String pathTemplate) {
		if (this.query.isEmpty()) {
			return pathTemplate;
		}
		StringBuilder template = new StringBuilder(pathTemplate);
		char separator = '?';
		for (String name : this.query.keySet()) {
			template.append(separator).append(name).append("={").append(name).append('}');
			separator = '&';
		}
		return template.toString();
	}

	/**
	 * The values of the {@linkplain #uriTemplate URI template}'s variables.
	 * @return path variables, then query values
	 */
	Object[] uriVariables() {
		if (this.query.isEmpty()) {
			return this.pathVariables;
		}
		Object[] values = new Object[this.pathVariables.length + this.query.size()];
		System.arraycopy(this.pathVariables, 0, values, 0, this.pathVariables.length);
		int index = this.pathVariables.length;
		for (Object value : this.query.values()) {
			values[index++] = value;
		}
		return values;
	}

	Object[] pathVariables() {
		return this.pathVariables;
	}

	@Nullable Object body() {
		return this.body;
	}

	@Nullable String uploadToken() {
		return this.uploadToken;
	}

	@Nullable String imageId() {
		return this.imageId;
	}

}
