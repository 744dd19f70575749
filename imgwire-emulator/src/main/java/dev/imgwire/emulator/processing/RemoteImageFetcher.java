package dev.imgwire.emulator.processing;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import dev.imgwire.emulator.state.BlobStorage;
import dev.imgwire.emulator.state.BlobTooLargeException;
import dev.imgwire.emulator.state.BlobWriter;

/**
 * Downloads the source of an {@code upload_via_url} to disk, stopping as soon as the size
 * limit is exceeded.
 *
 * @author imgwire
 */
public final class RemoteImageFetcher {

	private final HttpClient client;

	public RemoteImageFetcher(LoopResources loops) {
		// One connection per fetch: nothing pooled survives close().
		this.client = HttpClient.create(ConnectionProvider.newConnection())
			.runOn(loops, false)
			.followRedirect(true)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
			.responseTimeout(Duration.ofSeconds(30));
	}

	public Mono<FetchedImage> fetch(URI url, BlobStorage blobs, long maxBytes) {
		return this.client.get().uri(url).response((response, body) -> {
			int status = response.status().code();
			if (status < 200 || status > 299) {
				return Mono.error(new UrlFetchException("Fetching " + url + " failed with HTTP status " + status));
			}
			String length = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
			if (length != null && parseLength(length) > maxBytes) {
				return Mono.error(tooLarge(url, maxBytes));
			}
			String contentType = response.responseHeaders().get(HttpHeaderNames.CONTENT_TYPE);
			return Mono.using(() -> blobs.openDownload(maxBytes),
					(BlobWriter writer) -> body.doOnNext((chunk) -> Chunks.append(writer, chunk))
						.then(Mono.fromCallable(writer::finish)),
					Chunks::closeQuietly)
				.map((blob) -> new FetchedImage(blob, contentType));
		}).single().onErrorMap((ex) -> !(ex instanceof UrlFetchException), (ex) -> translate(url, ex, maxBytes));
	}

	private static RuntimeException translate(URI url, Throwable ex, long maxBytes) {
		Throwable cause = (ex instanceof UncheckedIOException) ? ex.getCause() : ex;
		if (cause instanceof BlobTooLargeException) {
			return tooLarge(url, maxBytes);
		}
		String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return new UrlFetchException("Could not fetch " + url + ": " + reason, ex);
	}

	private static UrlFetchException tooLarge(URI url, long maxBytes) {
		return new UrlFetchException("The file at " + url + " is larger than the limit of " + maxBytes + " bytes");
	}

	private static long parseLength(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
