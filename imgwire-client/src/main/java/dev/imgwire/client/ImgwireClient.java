package dev.imgwire.client;

import java.util.function.Supplier;

import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.cors.ImgwireCorsOriginsClient;
import dev.imgwire.client.domain.ImgwireCustomDomainClient;
import dev.imgwire.client.metrics.ImgwireMetricsClient;

/**
 * The reactive Imgwire client: one transport, one set of keys, settings, retries and
 * observations, and a client for each resource of the API.
 *
 * <pre class="code">
 * ImgwireClient imgwire = ImgwireClient.builder(WebClient.builder(), ImgwireClientSettings.of(serverKey)).build();
 * imgwire.images().listAll(100).subscribe(...);
 * imgwire.corsOrigins().create("https://app.example.com").block();
 * </pre>
 *
 * @author Imgwire
 * @see ImgwireClientBuilder
 */
public interface ImgwireClient {

	/**
	 * Start building a client.
	 * @param webClientBuilder the builder to start from; it is cloned, so later changes
	 * to it do not affect the client and the client never changes it
	 * @param settings base URL and keys
	 * @return the builder
	 */
	static ImgwireClientBuilder<ImgwireClient> builder(WebClient.Builder webClientBuilder,
			ImgwireClientSettings settings) {
		return new ImgwireClientBuilder<>(webClientBuilder, settings, (client) -> client);
	}

	/**
	 * Start building a client whose {@code WebClient} is created when it is first used:
	 * the supplier is called once, at the first request, so that building the client
	 * creates nothing of WebClient, its codecs or its connector. For applications that
	 * build the client at start-up and may use it much later, or never. Settings are
	 * still checked when the client is built.
	 * @param webClientBuilder supplies the builder to start from, once; the builder is
	 * cloned and never changed
	 * @param settings base URL and keys
	 * @return the builder
	 */
	static ImgwireClientBuilder<ImgwireClient> builder(Supplier<WebClient.Builder> webClientBuilder,
			ImgwireClientSettings settings) {
		return new ImgwireClientBuilder<>(webClientBuilder, settings, (client) -> client);
	}

	/**
	 * Images: upload, list, fetch, delete, bulk download, upload tokens.
	 * @return the images client
	 */
	ImgwireImagesClient images();

	/**
	 * The CORS origins allowed to upload from browsers.
	 * @return the CORS origins client
	 */
	ImgwireCorsOriginsClient corsOrigins();

	/**
	 * The environment's custom delivery domain.
	 * @return the custom domain client
	 */
	ImgwireCustomDomainClient customDomain();

	/**
	 * Usage metrics.
	 * @return the metrics client
	 */
	ImgwireMetricsClient metrics();

}
