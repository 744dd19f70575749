package dev.imgwire.client.cors;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.imgwire.client.model.Page;

/**
 * Reactive client for the environment's CORS origins: the browser origins allowed to
 * create uploads with a Client Key. Server Key only. Every method validates its arguments
 * before anything is sent.
 *
 * @author Imgwire
 * @see dev.imgwire.client.ImgwireClient#corsOrigins()
 */
public interface ImgwireCorsOriginsClient {

	/**
	 * Fetch one page ({@code GET /api/v1/cors_origins/}).
	 * @param page the page, from 1
	 * @param limit items per page, 1 to 100
	 * @return the page with its pagination
	 */
	Mono<Page<CorsOrigin>> list(int page, int limit);

	/**
	 * Every page, each fetched only when demanded.
	 * @param limit items per page, 1 to 100
	 * @return the pages
	 */
	Flux<Page<CorsOrigin>> listPages(int limit);

	/**
	 * Every CORS origin, a page fetched only for demand the pages so far cannot meet; the
	 * next page is fetched while this one is consumed when the demand reaches beyond it,
	 * never more than two pages at a time.
	 * @param limit items per page, 1 to 100
	 * @return the origins
	 */
	Flux<CorsOrigin> listAll(int limit);

	/**
	 * Allow an origin ({@code POST /api/v1/cors_origins/}). Never retried once it may
	 * have reached the server: the API takes no idempotency key for it.
	 * @param pattern the origin pattern, not blank
	 * @return the new CORS origin
	 */
	Mono<CorsOrigin> create(String pattern);

	/**
	 * Fetch a CORS origin.
	 * @param corsOriginId its id, a UUID
	 * @return the CORS origin
	 */
	Mono<CorsOrigin> retrieve(String corsOriginId);

	/**
	 * Change the pattern of a CORS origin ({@code PATCH}).
	 * @param corsOriginId its id, a UUID
	 * @param pattern the new pattern, not blank
	 * @return the updated CORS origin
	 */
	Mono<CorsOrigin> update(String corsOriginId, String pattern);

	/**
	 * Remove a CORS origin. A retry answered 404 found it already removed and succeeds.
	 * @param corsOriginId its id, a UUID
	 * @return the API's confirmation (empty when a retry found it done)
	 */
	Mono<Map<String, String>> delete(String corsOriginId);

}
