package dev.imgwire.client.internal;

import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientResponse;

import dev.imgwire.client.ImgwireOperation;

/**
 * Reads the 2xx answer of an operation.
 *
 * @param <T> the result type
 * @author Imgwire
 * @see ImgwireTransport#json(Class)
 */
@FunctionalInterface
public interface ResponseReader<T> {

	/**
	 * Read an answer.
	 * @param response the 2xx answer
	 * @param operation the operation, for messages
	 * @return the result
	 */
	Mono<T> read(ClientResponse response, ImgwireOperation operation);

	/**
	 * The result when a retry found that an earlier attempt, whose answer was lost,
	 * already did the work (see {@link ImgwireOperation#isAlreadyDone(int)}).
	 * @return the result; empty unless the reader says otherwise
	 */
	default Mono<T> alreadyDone() {
		return Mono.empty();
	}

	/**
	 * This reader, with another result for a retry that found the work done.
	 * @param result the result, computed when needed
	 * @return the reader
	 */
	default ResponseReader<T> whenAlreadyDone(Supplier<Mono<T>> result) {
		return new DecoratedResponseReader<>(this, result, null);
	}

	/**
	 * The image a result concerns, for the observation's high-cardinality keys.
	 * @param result the result
	 * @return the image id, or {@code null}
	 */
	default @Nullable String imageId(T result) {
		return null;
	}

	/**
	 * Whether {@link #imageId} may name an image, so that results need looking at.
	 * @return {@code false} unless the reader says otherwise
	 */
	default boolean namesImages() {
		return false;
	}

	/**
	 * This reader, naming the image of each result in the observation.
	 * @param imageId the image id of a result
	 * @return the reader
	 */
	default ResponseReader<T> namingImage(Function<T, @Nullable Object> imageId) {
		return new DecoratedResponseReader<>(this, null, imageId);
	}

}
