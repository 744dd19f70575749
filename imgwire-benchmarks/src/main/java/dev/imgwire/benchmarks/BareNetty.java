package dev.imgwire.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.StandardUpload;

/**
 * The baseline: the Imgwire calls written by hand on a bare Reactor Netty
 * {@link HttpClient} with Jackson, decoding into the client's own records, on the same
 * connection pool and event loops as the client. No validation, retries, timeouts,
 * observations, typed errors or secret redaction: the least a caller could write.
 */
final class BareNetty {

	private final HttpClient api;

	private final HttpClient apiJson;

	private final HttpClient storage;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final JavaType image = this.json.constructType(Image.class);

	private final JavaType imageList = this.json.getTypeFactory().constructCollectionType(List.class, Image.class);

	private final JavaType standardUpload = this.json.constructType(StandardUpload.class);

	/**
	 * Create the baseline.
	 * @param http the HTTP client shared with the other contenders
	 * @param baseUrl the API's base URL
	 * @param serverKey the key
	 */
	BareNetty(HttpClient http, String baseUrl, String serverKey) {
		this.api = http.baseUrl(baseUrl)
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + serverKey));
		this.apiJson = this.api.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
		this.storage = http;
	}

	Mono<Image> retrieve(String id) {
		return this.api.get()
			.uri("/api/v1/images/" + id)
			.responseSingle((response, body) -> decode(response, body, this.image));
	}

	/**
	 * Every image, page after page, each page requested once the previous one is read.
	 * @param limit items per page
	 * @return the number of images
	 */
	Mono<Long> listAll(int limit) {
		return page("1", limit).expand((page) -> (page.next() != null) ? page(page.next(), limit) : Mono.empty())
			.reduce(0L, (count, page) -> count + page.items().size());
	}

	private Mono<PageOfImages> page(String page, int limit) {
		return this.api.get()
			.uri("/api/v1/images/?page=" + page + "&limit=" + limit)
			.responseSingle((response, body) -> this.<List<Image>>decode(response, body, this.imageList)
				.map((items) -> new PageOfImages(items, nextPage(response))));
	}

	private static @Nullable String nextPage(HttpClientResponse response) {
		String next = response.responseHeaders().get("X-Next-Page");
		return (next != null && !next.isEmpty() && next.chars().allMatch(Character::isDigit)) ? next : null;
	}

	/**
	 * One page, for the emulator's own cost per page.
	 * @param page the page
	 * @param limit items per page
	 * @return the number of items
	 */
	Mono<Integer> listPage(long page, int limit) {
		return page(Long.toString(page), limit).map((result) -> result.items().size());
	}

	/**
	 * What {@code client.upload(…)} does for a small buffer: create the record,
	 * {@code PUT} the bytes to the presigned URL, then fetch the image.
	 * @param content the bytes
	 * @param fileName the file name
	 * @return the image
	 */
	Mono<Image> upload(byte[] content, String fileName) {
		return create(fileName, content.length)
			.flatMap((created) -> put(created.uploadUrl(), content).then(retrieve(created.image().id().toString())));
	}

	/**
	 * The create and the presigned {@code PUT} of a file, sent from the file by
	 * {@code sendFile} (zero-copy on Linux without TLS).
	 * @param file the file
	 * @param size its size
	 * @return completes when the storage answered
	 */
	Mono<Void> uploadFile(Path file, long size) {
		return create(file.getFileName().toString(), size).flatMap((created) -> this.storage
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "image/png")
				.set(HttpHeaderNames.CONTENT_LENGTH, size))
			.put()
			.uri(created.uploadUrl())
			.send((request, outbound) -> outbound.sendFile(file, 0, size))
			.responseSingle((response, body) -> discard(response, body)));
	}

	Mono<StandardUpload> create(String fileName, long length) {
		byte[] request = this.json.writeValueAsBytes(Map.of("file_name", fileName, "mime_type", "image/png",
				"content_length", length, "idempotency_key", UUID.randomUUID().toString()));
		return this.apiJson.post()
			.uri("/api/v1/images/standard_upload")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request)))
			.responseSingle((response, body) -> decode(response, body, this.standardUpload));
	}

	private Mono<Void> put(String uploadUrl, byte[] content) {
		return this.storage.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "image/png"))
			.put()
			.uri(uploadUrl)
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(content)))
			.responseSingle((response, body) -> discard(response, body));
	}

	private <T> Mono<T> decode(HttpClientResponse response, ByteBufMono body, JavaType type) {
		int status = response.status().code();
		if (status / 100 != 2) {
			return failure(response, body);
		}
		return body.asByteArray().map((bytes) -> this.json.readValue(bytes, type));
	}

	private static Mono<Void> discard(HttpClientResponse response, ByteBufMono body) {
		if (response.status().code() / 100 != 2) {
			return failure(response, body);
		}
		return Mono.empty();
	}

	private static <T> Mono<T> failure(HttpClientResponse response, ByteBufMono body) {
		return body.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap((text) -> Mono.error(new IllegalStateException(
					response.method() + " " + response.uri() + " answered " + response.status() + ": " + text)));
	}

	private record PageOfImages(List<Image> items, @Nullable String next) {
	}

}
