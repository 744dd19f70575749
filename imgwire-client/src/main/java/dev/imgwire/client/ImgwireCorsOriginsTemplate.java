package dev.imgwire.client;

import java.util.Map;
import java.util.stream.Stream;

import dev.imgwire.client.cors.CorsOrigin;
import dev.imgwire.client.cors.ImgwireCorsOriginsClient;
import dev.imgwire.client.model.Page;

/**
 * Blocking operations on the environment's CORS origins: each is the
 * {@link ImgwireCorsOriginsClient} operation of the same name, waited for as
 * {@link ImgwireTemplate} describes. Server Key only. Every method validates its
 * arguments before anything is sent.
 *
 * @author Imgwire
 * @see ImgwireTemplate#corsOrigins()
 */
public final class ImgwireCorsOriginsTemplate {

	private final ImgwireCorsOriginsClient client;

	private final Blocking blocking;

	ImgwireCorsOriginsTemplate(ImgwireCorsOriginsClient client, Blocking blocking) {
		this.client = client;
		this.blocking = blocking;
	}

	/**
	 * Fetch one page.
	 * @param page the page, from 1
	 * @param limit items per page, 1 to 100
	 * @return the page with its pagination
	 * @see ImgwireCorsOriginsClient#list(int, int)
	 */
	public Page<CorsOrigin> list(int page, int limit) {
		return this.blocking.await(ImgwireOperation.LIST_CORS_ORIGINS, () -> this.client.list(page, limit));
	}

	/**
	 * Every page, lazily. Close the stream when stopping early.
	 * @param limit items per page, 1 to 100
	 * @return the pages
	 * @see ImgwireCorsOriginsClient#listPages(int)
	 */
	public Stream<Page<CorsOrigin>> listPages(int limit) {
		return this.blocking.stream(ImgwireOperation.LIST_CORS_ORIGINS, () -> this.client.listPages(limit));
	}

	/**
	 * Every CORS origin, lazily. Close the stream when stopping early.
	 * @param limit items per page, 1 to 100
	 * @return the origins
	 * @see ImgwireCorsOriginsClient#listAll(int)
	 */
	public Stream<CorsOrigin> listAll(int limit) {
		return this.blocking.stream(ImgwireOperation.LIST_CORS_ORIGINS, () -> this.client.listAll(limit));
	}

	/**
	 * Allow an origin. Never retried once it may have reached the server.
	 * @param pattern the origin pattern, not blank
	 * @return the new CORS origin
	 * @see ImgwireCorsOriginsClient#create(String)
	 */
	public CorsOrigin create(String pattern) {
		return this.blocking.await(ImgwireOperation.CREATE_CORS_ORIGIN, () -> this.client.create(pattern));
	}

	/**
	 * Fetch a CORS origin.
	 * @param corsOriginId its id, a UUID
	 * @return the CORS origin
	 * @see ImgwireCorsOriginsClient#retrieve(String)
	 */
	public CorsOrigin retrieve(String corsOriginId) {
		return this.blocking.await(ImgwireOperation.RETRIEVE_CORS_ORIGIN, () -> this.client.retrieve(corsOriginId));
	}

	/**
	 * Change the pattern of a CORS origin.
	 * @param corsOriginId its id, a UUID
	 * @param pattern the new pattern, not blank
	 * @return the updated CORS origin
	 * @see ImgwireCorsOriginsClient#update(String, String)
	 */
	public CorsOrigin update(String corsOriginId, String pattern) {
		return this.blocking.await(ImgwireOperation.UPDATE_CORS_ORIGIN,
				() -> this.client.update(corsOriginId, pattern));
	}

	/**
	 * Remove a CORS origin.
	 * @param corsOriginId its id, a UUID
	 * @return the API's confirmation (empty when a retry found it done)
	 * @see ImgwireCorsOriginsClient#delete(String)
	 */
	public Map<String, String> delete(String corsOriginId) {
		return this.blocking.await(ImgwireOperation.DELETE_CORS_ORIGIN, () -> this.client.delete(corsOriginId));
	}

	@Override
	public String toString() {
		return "ImgwireCorsOriginsTemplate[" + this.client + "]";
	}

}
