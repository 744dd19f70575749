package dev.imgwire.emulator.routes;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.routes.http.Access;
import dev.imgwire.emulator.routes.http.ApiRequest;
import dev.imgwire.emulator.routes.http.HttpReply;
import dev.imgwire.emulator.routes.http.Route;
import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.WireFormat;
import dev.imgwire.emulator.state.CustomDomainRecord;
import dev.imgwire.emulator.state.CustomDomains;
import dev.imgwire.emulator.state.EmulatorStore;

/**
 * The custom domain API, server key only. An environment has at most one domain, so the
 * resource is a singleton at {@code /api/v1/custom_domain/}: a second create is a 409,
 * and every other operation without a domain is a 404.
 * <p>
 * No DNS is looked up. The first {@code test_connection} leaves the domain PENDING and
 * records {@code last_verified_at}, as when DNS has not propagated yet; the second and
 * later ones make it CONNECTED with an ACTIVE certificate.
 *
 * @author imgwire
 */
final class CustomDomainRoutes {

	private static final String CUSTOM_DOMAIN = "/api/v1/custom_domain/";

	private final EmulatorStore store;

	private final CustomDomains domains;

	private final WireFormat wireFormat;

	CustomDomainRoutes(EmulatorStore store, WireFormat wireFormat) {
		this.store = store;
		this.domains = store.customDomains();
		this.wireFormat = wireFormat;
	}

	List<Route> routes() {
		return List.of(
				Route.of(HttpMethod.GET, CUSTOM_DOMAIN, EmulatorOperation.RETRIEVE_CUSTOM_DOMAIN, Access.SERVER_KEY,
						this::retrieve),
				Route.of(HttpMethod.POST, CUSTOM_DOMAIN, EmulatorOperation.CREATE_CUSTOM_DOMAIN, Access.SERVER_KEY,
						this::create),
				Route.of(HttpMethod.DELETE, CUSTOM_DOMAIN, EmulatorOperation.DELETE_CUSTOM_DOMAIN, Access.SERVER_KEY,
						this::delete),
				Route.of(HttpMethod.POST, CUSTOM_DOMAIN + "test_connection",
						EmulatorOperation.TEST_CUSTOM_DOMAIN_CONNECTION, Access.SERVER_KEY, this::testConnection));
	}

	private Mono<HttpReply> retrieve(ApiRequest request) {
		return Mono.just(json(this.domains.find().orElseThrow(CustomDomainRoutes::notFound)));
	}

	/**
	 * {@code POST /api/v1/custom_domain/}: the hostname is stored in lower case, with DNS
	 * targets derived from the environment and hostname.
	 */
	private Mono<HttpReply> create(ApiRequest request) {
		return request.exchange().jsonBody().map((body) -> {
			String hostname = body.requiredHostname("hostname");
			body.validate();
			return json(this.domains.createIfAbsent(hostname, this.store.now())
				.orElseThrow(() -> ApiException
					.conflict("This environment already has a custom domain; delete it before creating another")));
		});
	}

	private Mono<HttpReply> delete(ApiRequest request) {
		if (this.domains.delete().isEmpty()) {
			throw notFound();
		}
		return Mono.just(HttpReply.json(200, Map.of("detail", "Custom domain deleted")));
	}

	/**
	 * {@code POST /api/v1/custom_domain/test_connection}: no request body; any body sent
	 * is ignored.
	 */
	private Mono<HttpReply> testConnection(ApiRequest request) {
		return Mono.just(json(this.domains.testConnection(this.store.now()).orElseThrow(CustomDomainRoutes::notFound)));
	}

	private HttpReply json(CustomDomainRecord domain) {
		return HttpReply.json(200, this.wireFormat.customDomain(domain));
	}

	private static ApiException notFound() {
		return ApiException.notFound("Custom domain not found");
	}

}
