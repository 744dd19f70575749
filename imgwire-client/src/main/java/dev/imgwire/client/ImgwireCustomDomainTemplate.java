package dev.imgwire.client;

import java.util.Map;

import dev.imgwire.client.domain.CustomDomain;
import dev.imgwire.client.domain.ImgwireCustomDomainClient;

/**
 * Blocking operations on the environment's custom delivery domain: each is the
 * {@link ImgwireCustomDomainClient} operation of the same name, waited for as
 * {@link ImgwireTemplate} describes. Server Key only.
 *
 * @author Imgwire
 * @see ImgwireTemplate#customDomain()
 */
public final class ImgwireCustomDomainTemplate {

	private final ImgwireCustomDomainClient client;

	private final Blocking blocking;

	ImgwireCustomDomainTemplate(ImgwireCustomDomainClient client, Blocking blocking) {
		this.client = client;
		this.blocking = blocking;
	}

	/**
	 * Fetch the custom domain; fails with
	 * {@link dev.imgwire.client.error.ImgwireNotFoundException} when there is none.
	 * @return the custom domain
	 * @see ImgwireCustomDomainClient#retrieve()
	 */
	public CustomDomain retrieve() {
		return this.blocking.await(ImgwireOperation.RETRIEVE_CUSTOM_DOMAIN, this.client::retrieve);
	}

	/**
	 * Set up the custom domain. Never retried once it may have reached the server.
	 * @param hostname a DNS hostname such as {@code images.example.com}
	 * @return the custom domain, with the DNS records to create
	 * @see ImgwireCustomDomainClient#create(String)
	 */
	public CustomDomain create(String hostname) {
		return this.blocking.await(ImgwireOperation.CREATE_CUSTOM_DOMAIN, () -> this.client.create(hostname));
	}

	/**
	 * Remove the custom domain.
	 * @return the API's confirmation (empty when a retry found it done)
	 * @see ImgwireCustomDomainClient#delete()
	 */
	public Map<String, String> delete() {
		return this.blocking.await(ImgwireOperation.DELETE_CUSTOM_DOMAIN, this.client::delete);
	}

	/**
	 * Check the DNS records and the certificate now.
	 * @return the custom domain with its updated statuses
	 * @see ImgwireCustomDomainClient#testConnection()
	 */
	public CustomDomain testConnection() {
		return this.blocking.await(ImgwireOperation.TEST_CUSTOM_DOMAIN_CONNECTION, this.client::testConnection);
	}

	@Override
	public String toString() {
		return "ImgwireCustomDomainTemplate[" + this.client + "]";
	}

}
