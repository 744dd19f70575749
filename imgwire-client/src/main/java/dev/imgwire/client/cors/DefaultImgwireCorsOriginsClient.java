package dev.imgwire.client.cors;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.internal.ApiRequest;
import dev.imgwire.client.internal.ImgwireTransport;
import dev.imgwire.client.internal.Paging;
import dev.imgwire.client.internal.ResponseReader;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.validation.RequestValidator;

/**
 * The {@link ImgwireCorsOriginsClient} over the shared {@link ImgwireTransport}.
 *
 * @author Imgwire
 */
public final class DefaultImgwireCorsOriginsClient implements ImgwireCorsOriginsClient {

	private final ImgwireTransport transport;

	private final ResponseReader<CorsOrigin> corsOrigin;

	private final ResponseReader<Map<String, String>> deleted;

	/**
	 * Create the client.
	 * @param transport the shared transport
	 */
	public DefaultImgwireCorsOriginsClient(ImgwireTransport transport) {
		this.transport = transport;
		this.corsOrigin = transport.json(CorsOrigin.class);
		this.deleted = transport.stringMap();
	}

	@Override
	public Mono<Page<CorsOrigin>> list(int page, int limit) {
		return this.transport.list(ImgwireOperation.LIST_CORS_ORIGINS, CorsOrigin.class, page, limit);
	}

	@Override
	public Flux<Page<CorsOrigin>> listPages(int limit) {
		return Paging.pages(limit, this.transport.pages(ImgwireOperation.LIST_CORS_ORIGINS, CorsOrigin.class));
	}

	@Override
	public Flux<CorsOrigin> listAll(int limit) {
		return Paging.items(limit, this.transport.pages(ImgwireOperation.LIST_CORS_ORIGINS, CorsOrigin.class));
	}

	@Override
	public Mono<CorsOrigin> create(String pattern) {
		return this.transport.execute(ImgwireOperation.CREATE_CORS_ORIGIN, () -> ApiRequest.to().body(pattern(pattern)),
				this.corsOrigin);
	}

	@Override
	public Mono<CorsOrigin> retrieve(String corsOriginId) {
		return this.transport.execute(ImgwireOperation.RETRIEVE_CORS_ORIGIN, () -> ApiRequest.to(id(corsOriginId)),
				this.corsOrigin);
	}

	@Override
	public Mono<CorsOrigin> update(String corsOriginId, String pattern) {
		return this.transport.execute(ImgwireOperation.UPDATE_CORS_ORIGIN,
				() -> ApiRequest.to(id(corsOriginId)).body(pattern(pattern)), this.corsOrigin);
	}

	@Override
	public Mono<Map<String, String>> delete(String corsOriginId) {
		return this.transport.execute(ImgwireOperation.DELETE_CORS_ORIGIN, () -> ApiRequest.to(id(corsOriginId)),
				this.deleted);
	}

	private static String id(String corsOriginId) {
		return RequestValidator.uuid("cors_origin_id", corsOriginId).toString();
	}

	@Override
	public String toString() {
		return "DefaultImgwireCorsOriginsClient[" + this.transport + "]";
	}

	/**
	 * The body of create and update; a map, which needs no reflection to write.
	 */
	private static Map<String, String> pattern(String pattern) {
		return Map.of("pattern", RequestValidator.notBlank("pattern", pattern).strip());
	}

}
