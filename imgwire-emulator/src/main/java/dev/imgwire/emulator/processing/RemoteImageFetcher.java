package dev.imgwire.emulator.processing;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import dev.imgwire.emulator.state.BlobStorage;
import dev.imgwire.emulator.state.BlobTooLargeException;
import dev.imgwire.emulator.state.BlobWriter;

/**
 * Downloads the source of an {@code upload_via_url} to disk, stopping as soon as the size
 * limit is exceeded.
 * <p>
 * Every fetch is bounded: one deadline covers resolving, connecting, redirects and the
 * whole body, so a source that drips bytes forever fails like an unreachable one. Only
 * addresses the {@link AddressPolicy} allows are fetched from: the host's addresses are
 * all checked before the fetch, and every connection (redirects included) is checked
 * again right before it is opened.
 *
 * @author imgwire
 */
public final class RemoteImageFetcher {

	private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient client;

	private final AddressPolicy policy;

	private final Scheduler blocking;

	private final Duration timeout;

	/**
	 * Create a fetcher.
	 * @param loops the event loops to fetch on
	 * @param blocking where to resolve host names, which blocks
	 * @param policy the addresses that may be fetched from
	 * @param timeout the deadline for a whole fetch
	 */
	public RemoteImageFetcher(LoopResources loops, Scheduler blocking, AddressPolicy policy, Duration timeout) {
		this.policy = policy;
		this.blocking = blocking;
		this.timeout = timeout;
		// One connection per fetch: nothing pooled survives close().
		this.client = HttpClient.create(ConnectionProvider.newConnection())
			.runOn(loops, false)
			.followRedirect(true)
			.doOnChannelInit((observer, channel, address) -> channel.pipeline()
				.addFirst(ConnectGuard.NAME, new ConnectGuard(policy)))
			// The deadline in fetch() bounds everything else, so no response timeout of
			// its own races it with a vaguer message.
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) min(timeout, MAX_CONNECT_TIMEOUT).toMillis());
	}

	public Mono<FetchedImage> fetch(URI url, BlobStorage blobs, long maxBytes) {
		return checkHost(url).then(download(url, blobs, maxBytes))
			.timeout(this.timeout,
					Mono.error(() -> new UrlFetchException(
							"Fetching " + url + " timed out after " + this.timeout.toMillis() + " ms")))
			.onErrorMap((ex) -> !(ex instanceof UrlFetchException), (ex) -> translate(url, ex, maxBytes));
	}

	private Mono<Void> checkHost(URI url) {
		return Mono.fromCallable(() -> this.policy.allowsAll(url.getHost()))
			.subscribeOn(this.blocking)
			.flatMap((allowed) -> allowed ? Mono.<Void>empty() : Mono.error(() -> refused(url)));
	}

	private Mono<FetchedImage> download(URI url, BlobStorage blobs, long maxBytes) {
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
			return Mono
				.using(() -> blobs.openDownload(maxBytes),
						(BlobWriter writer) -> body.doOnNext((chunk) -> Chunks.append(writer, chunk))
							.then(Mono.fromCallable(writer::finish)),
						Chunks::closeQuietly)
				.map((blob) -> new FetchedImage(blob, contentType));
		}).single();
	}

	/**
	 * The same sentence for every refused address, decided before any packet is sent, so
	 * the answer says nothing about what listens there.
	 */
	private static UrlFetchException refused(URI url) {
		return new UrlFetchException("Could not fetch " + url + ": only public addresses can be fetched");
	}

	private static RuntimeException translate(URI url, Throwable ex, long maxBytes) {
		Throwable cause = (ex instanceof UncheckedIOException) ? ex.getCause() : ex;
		if (cause instanceof BlobTooLargeException) {
			return tooLarge(url, maxBytes);
		}
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof ConnectGuard.RefusedAddressException) {
				return refused(url);
			}
		}
		String reason = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return new UrlFetchException("Could not fetch " + url + ": " + reason, ex);
	}

	private static UrlFetchException tooLarge(URI url, long maxBytes) {
		return new UrlFetchException("The file at " + url + " is larger than the limit of " + maxBytes + " bytes");
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
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
