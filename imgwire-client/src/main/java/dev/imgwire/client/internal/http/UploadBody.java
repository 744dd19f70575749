package dev.imgwire.client.internal.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ZeroCopyHttpOutputMessage;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;

import dev.imgwire.client.error.ImgwireUploadException;

/**
 * The body of the presigned {@code PUT}: the source's buffers streamed as they are read,
 * counted against the declared length. A source that runs long fails before the excess is
 * sent; one that runs short fails instead of completing. The buffer that reaches the
 * declared length is held back until the source confirms it has ended, so a longer source
 * never delivers a complete, wrong body.
 * <p>
 * A source held in a local file is sent without being read into memory when the connector
 * can ({@link ZeroCopyHttpOutputMessage}, Reactor Netty's {@code sendFile}): the kernel
 * copies the file to the socket. Its size is checked against the declared length at the
 * start of every attempt, and each attempt sends the file from its first byte.
 *
 * @author Imgwire
 */
public final class UploadBody {

	private UploadBody() {
	}

	/**
	 * Create the body inserter.
	 * @param content reads the source with the given buffer factory; called once per
	 * attempt
	 * @param declaredLength the {@code Content-Length} sent
	 * @param sentBytes receives the number of bytes handed to the connection
	 * @return the inserter
	 */
	public static BodyInserter<Flux<DataBuffer>, ClientHttpRequest> of(
			Function<DataBufferFactory, Flux<DataBuffer>> content, long declaredLength, AtomicLong sentBytes) {
		return new BodyInserter<>() {

			@Override
			public Mono<Void> insert(ClientHttpRequest request, Context context) {
				return request.writeWith(checked(content.apply(request.bufferFactory()), declaredLength, sentBytes));
			}

		};
	}

	/**
	 * Create the body inserter of a source held in a local file: the file is sent
	 * zero-copy when the request supports it, else read through {@code content}.
	 * @param file the file holding exactly the bytes to send
	 * @param content reads the source with the given buffer factory, when the request
	 * cannot send a file; called once per attempt
	 * @param declaredLength the {@code Content-Length} sent
	 * @param sentBytes receives the number of bytes handed to the connection
	 * @return the inserter
	 */
	public static BodyInserter<Flux<DataBuffer>, ClientHttpRequest> ofFile(Path file,
			Function<DataBufferFactory, Flux<DataBuffer>> content, long declaredLength, AtomicLong sentBytes) {
		return new BodyInserter<>() {

			@Override
			public Mono<Void> insert(ClientHttpRequest request, Context context) {
				if (!(request instanceof ZeroCopyHttpOutputMessage zeroCopy)) {
					return request
						.writeWith(checked(content.apply(request.bufferFactory()), declaredLength, sentBytes));
				}
				sentBytes.set(0);
				long size;
				try {
					size = Files.size(file);
				}
				catch (IOException ex) {
					return Mono.error(new ImgwireUploadException(
							"The upload source could not be read (" + ex.getClass().getSimpleName() + ")", ex));
				}
				if (size > declaredLength) {
					return Mono.error(tooLong(declaredLength, size));
				}
				if (size < declaredLength) {
					return Mono.error(tooShort(declaredLength, size));
				}
				return zeroCopy.writeWith(file, 0, declaredLength).doOnSuccess((done) -> sentBytes.set(declaredLength));
			}

		};
	}

	/**
	 * Count and check a stream of buffers against a declared length.
	 * @param source the buffers
	 * @param declaredLength the declared length
	 * @param sentBytes receives the number of bytes passed on
	 * @return the checked stream
	 */
	private static Flux<DataBuffer> checked(Publisher<DataBuffer> source, long declaredLength, AtomicLong sentBytes) {
		return Flux.defer(() -> {
			AtomicLong produced = new AtomicLong();
			AtomicReference<DataBuffer> held = new AtomicReference<>();
			sentBytes.set(0);
			Flux<DataBuffer> body = Flux.from(source).<DataBuffer>handle((buffer, sink) -> {
				long total = produced.addAndGet(buffer.readableByteCount());
				if (total > declaredLength) {
					DataBufferUtils.release(buffer);
					releaseHeld(held);
					sink.error(tooLong(declaredLength, total));
					return;
				}
				DataBuffer previous = held.getAndSet(buffer);
				if (previous != null) {
					sentBytes.addAndGet(previous.readableByteCount());
					sink.next(previous);
				}
			}).concatWith(Mono.defer(() -> {
				DataBuffer last = held.getAndSet(null);
				long total = produced.get();
				if (total != declaredLength) {
					if (last != null) {
						DataBufferUtils.release(last);
					}
					return Mono.error(tooShort(declaredLength, total));
				}
				if (last == null) {
					return Mono.empty();
				}
				sentBytes.addAndGet(last.readableByteCount());
				return Mono.just(last);
			}));
			return body.doOnDiscard(DataBuffer.class, DataBufferUtils::release)
				.doFinally((signal) -> releaseHeld(held));
		});
	}

	private static void releaseHeld(AtomicReference<DataBuffer> held) {
		DataBuffer buffer = held.getAndSet(null);
		if (buffer != null) {
			DataBufferUtils.release(buffer);
		}
	}

	private static ImgwireUploadException tooLong(long declaredLength, long produced) {
		return new ImgwireUploadException("Upload source length mismatch: declared " + declaredLength
				+ " bytes but the source produced more (at least " + produced + " bytes)");
	}

	private static ImgwireUploadException tooShort(long declaredLength, long produced) {
		return new ImgwireUploadException("Upload source length mismatch: declared " + declaredLength
				+ " bytes but the source produced only " + produced + " bytes");
	}

}
