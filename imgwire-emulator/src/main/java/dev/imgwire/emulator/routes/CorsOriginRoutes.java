package dev.imgwire.emulator.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.routes.http.Access;
import dev.imgwire.emulator.routes.http.ApiRequest;
import dev.imgwire.emulator.routes.http.HttpReply;
import dev.imgwire.emulator.routes.http.Pagination;
import dev.imgwire.emulator.routes.http.Route;
import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.JsonBody;
import dev.imgwire.emulator.routes.wire.WireFormat;
import dev.imgwire.emulator.state.CorsOrigins;
import dev.imgwire.emulator.state.EmulatedCorsOrigin;
import dev.imgwire.emulator.state.EmulatorStore;

/**
 * The CORS origins API, server key only. The origins stored here are the ones
 * {@link dev.imgwire.emulator.routes.http.CorsPolicy} checks, so a change is in force for
 * the next browser request.
 * <p>
 * A pattern is any non-empty string, as in the spec; one that can never match an origin
 * is stored and simply never matches.
 *
 * @author imgwire
 */
final class CorsOriginRoutes {

	private static final String CORS_ORIGINS = "/api/v1/cors_origins";

	private static final String ONE = CORS_ORIGINS + "/{cors_origin_id}";

	private final EmulatorStore store;

	private final CorsOrigins origins;

	private final WireFormat wireFormat;

	CorsOriginRoutes(EmulatorStore store, WireFormat wireFormat) {
		this.store = store;
		this.origins = store.corsOrigins();
		this.wireFormat = wireFormat;
	}

	List<Route> routes() {
		return List.of(
				Route.of(HttpMethod.GET, CORS_ORIGINS + "/", EmulatorOperation.LIST_CORS_ORIGINS, Access.SERVER_KEY,
						this::list),
				Route.of(HttpMethod.POST, CORS_ORIGINS + "/", EmulatorOperation.CREATE_CORS_ORIGIN, Access.SERVER_KEY,
						this::create),
				Route.of(HttpMethod.GET, ONE, EmulatorOperation.RETRIEVE_CORS_ORIGIN, Access.SERVER_KEY,
						this::retrieve),
				Route.of(HttpMethod.PATCH, ONE, EmulatorOperation.UPDATE_CORS_ORIGIN, Access.SERVER_KEY, this::update),
				Route.of(HttpMethod.DELETE, ONE, EmulatorOperation.DELETE_CORS_ORIGIN, Access.SERVER_KEY,
						this::delete));
	}

	/**
	 * {@code GET /api/v1/cors_origins/}: oldest first, paginated like the images list.
	 */
	private Mono<HttpReply> list(ApiRequest request) {
		Pagination pagination = Pagination.of(request.exchange());
		return Mono.just(pagination.reply(this.origins.page(pagination.offset(), pagination.limit()),
				this.wireFormat::corsOrigin));
	}

	private Mono<HttpReply> create(ApiRequest request) {
		return request.exchange().jsonBody().map((body) -> json(this.origins.create(pattern(body), this.store.now())));
	}

	private Mono<HttpReply> retrieve(ApiRequest request) {
		UUID id = request.uuidPathVariable("cors_origin_id");
		return Mono.just(json(this.origins.find(id).orElseThrow(CorsOriginRoutes::notFound)));
	}

	/**
	 * {@code PATCH /api/v1/cors_origins/{cors_origin_id}}: {@code pattern} is required,
	 * as in {@code CorsOriginUpdateSchema}. The body is validated before the id is looked
	 * up, as FastAPI validates a request before its handler runs.
	 */
	private Mono<HttpReply> update(ApiRequest request) {
		UUID id = request.uuidPathVariable("cors_origin_id");
		return request.exchange()
			.jsonBody()
			.map((body) -> json(
					this.origins.update(id, pattern(body), this.store.now()).orElseThrow(CorsOriginRoutes::notFound)));
	}

	private Mono<HttpReply> delete(ApiRequest request) {
		UUID id = request.uuidPathVariable("cors_origin_id");
		if (this.origins.delete(id).isEmpty()) {
			throw notFound();
		}
		Map<String, String> body = new LinkedHashMap<>();
		body.put("detail", "CORS origin deleted");
		body.put("cors_origin_id", id.toString());
		return Mono.just(HttpReply.json(200, body));
	}

	private HttpReply json(EmulatedCorsOrigin origin) {
		return HttpReply.json(200, this.wireFormat.corsOrigin(origin));
	}

	private static String pattern(JsonBody body) {
		String pattern = body.requiredString("pattern", 1, Integer.MAX_VALUE);
		body.validate();
		return pattern;
	}

	private static ApiException notFound() {
		return ApiException.notFound("CORS origin not found");
	}

}
