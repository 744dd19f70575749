package dev.imgwire.client.internal;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientResponse;

import dev.imgwire.client.ImgwireOperation;

/**
 * A {@link ResponseReader} that reads as another one does, with its own result for a
 * retry that found the work done, or its own way of naming the image of a result.
 *
 * @param <T> the result type
 * @author Imgwire
 */
final class DecoratedResponseReader<T> implements ResponseReader<T> {

	private final ResponseReader<T> reader;

	private final @Nullable Supplier<Mono<T>> alreadyDone;

	private final @Nullable Function<T, @Nullable Object> imageId;

	DecoratedResponseReader(ResponseReader<T> reader, @Nullable Supplier<Mono<T>> alreadyDone,
			@Nullable Function<T, @Nullable Object> imageId) {
		this.reader = reader;
		this.alreadyDone = alreadyDone;
		this.imageId = imageId;
	}

	@Override
	public Mono<T> read(ClientResponse response, ImgwireOperation operation) {
		return this.reader.read(response, operation);
	}

	@Override
	public Mono<T> alreadyDone() {
		return (this.alreadyDone != null) ? Mono.defer(this.alreadyDone) : this.reader.alreadyDone();
	}

	@Override
	public boolean namesImages() {
		return this.imageId != null || this.reader.namesImages();
	}

	@Override
	public @Nullable String imageId(T result) {
		if (this.imageId == null) {
			return this.reader.imageId(result);
		}
		Object id = this.imageId.apply(result);
		return (id != null) ? id.toString() : null;
	}

}
