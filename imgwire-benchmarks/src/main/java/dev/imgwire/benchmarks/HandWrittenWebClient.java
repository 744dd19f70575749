package dev.imgwire.benchmarks;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import dev.imgwire.client.model.Image;

/**
 * The second baseline: the call as one would write it with a plain {@link WebClient},
 * decoding into the client's {@link Image} record with WebClient's own Jackson codec, on
 * the same connection pool. No validation, retries, timeouts, observations or typed
 * errors.
 */
final class HandWrittenWebClient {

	private final WebClient web;

	HandWrittenWebClient(HttpClient http, String baseUrl, String serverKey) {
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

}
