package dev.imgwire.client.domain;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * Reactive client for the environment's custom delivery domain; an environment has at
 * most one. Server Key only. Every method validates its arguments before anything is
 * sent.
 *
 * @author Imgwire
 * @see dev.imgwire.client.ImgwireClient#customDomain()
 */
public interface ImgwireCustomDomainClient {

	/**
	 * Fetch the custom domain; fails with
	 * {@link dev.imgwire.client.error.ImgwireNotFoundException} when there is none.
	 * @return the custom domain
	 */
	Mono<CustomDomain> retrieve();

	/**
	 * Set up the custom domain. Never retried once it may have reached the server: the
	 * API takes no idempotency key for it.
	 * @param hostname a DNS hostname such as {@code images.example.com}
	 * @return the custom domain, with the DNS records to create
	 */
	Mono<CustomDomain> create(String hostname);

	/**
	 * Remove the custom domain. A retry answered 404 found it already removed and
	 * succeeds.
	 * @return the API's confirmation (empty when a retry found it done)
	 */
	Mono<Map<String, String>> delete();

	/**
	 * Check the DNS records and the certificate now.
	 * @return the custom domain with its updated statuses
	 */
	Mono<CustomDomain> testConnection();

}
