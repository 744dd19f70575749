package dev.imgwire.benchmarks;

import java.net.URI;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.internal.http.JsonCodec;
import dev.imgwire.client.model.Image;

/**
 * The second baseline: the call as one would write it with a plain {@link WebClient},
 * decoding into the client's {@link Image} record with WebClient's own Jackson codec, on
 * the same connection pool. No validation, retries, timeouts, observations or typed
 * errors.
 */
final class HandWrittenWebClient {

	private final WebClient web;

	private final String baseUrl;

	private final JsonCodec codec = new JsonCodec();

	private final JavaType image = this.codec.type(Image.class);

	HandWrittenWebClient(HttpClient http, String baseUrl, String serverKey) {
		this.baseUrl = baseUrl;
		JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.web = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.baseUrl(baseUrl)
			.defaultHeaders((headers) -> headers.setBearerAuth(serverKey))
			.codecs((codecs) -> codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json)))
			.build();
	}

	Mono<Image> retrieve(String id) {
		return this.web.get().uri("/api/v1/images/{image_id}", id).retrieve().bodyToMono(Image.class);
	}

	/**
	 * The least a call through WebClient costs, for reference: a ready URI, the body read
	 * as bytes and decoded with the client's own codec, nothing checked. What the client
	 * costs beyond this is its own; what this costs beyond bare Reactor Netty is
	 * WebClient's.
	 * @param id the image id
	 * @return the image
	 */
	Mono<Image> retrieveFloor(String id) {
		return this.web.get()
			.uri(URI.create(this.baseUrl + "/api/v1/images/" + id))
			.exchangeToMono((response) -> response.bodyToMono(byte[].class))
			.map((bytes) -> this.codec.<Image>read(bytes, this.image));
	}

}
