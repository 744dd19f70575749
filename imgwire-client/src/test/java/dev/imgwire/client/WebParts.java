package dev.imgwire.client;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.multipart.MultipartFile;

/**
 * Plain in-memory implementations of Spring's multipart types, as a servlet container or
 * WebFlux would hand them to a controller, and streams that record how they are read.
 */
final class WebParts {

	private WebParts() {
	}

	/**
	 * A Spring MVC multipart file over bytes, counting how often it is opened.
	 */
	static final class BytesMultipartFile implements MultipartFile {

		private final String originalFilename;

		private final String contentType;

		private final byte[] bytes;

		final AtomicInteger opened = new AtomicInteger();

		final List<RecordingInputStream> streams = new CopyOnWriteArrayList<>();

		BytesMultipartFile(String originalFilename, String contentType, byte[] bytes) {
			this.originalFilename = originalFilename;
			this.contentType = contentType;
			this.bytes = bytes;
		}

		@Override
		public String getName() {
			return "file";
		}

		@Override
		public String getOriginalFilename() {
			return this.originalFilename;
		}

		@Override
		public String getContentType() {
			return this.contentType;
		}

		@Override
		public boolean isEmpty() {
			return this.bytes.length == 0;
		}

		@Override
		public long getSize() {
			return this.bytes.length;
		}

		@Override
		public byte[] getBytes() {
			throw new AssertionError("the client must stream a MultipartFile, not read it whole");
		}

		@Override
		public InputStream getInputStream() {
			this.opened.incrementAndGet();
			RecordingInputStream stream = new RecordingInputStream(new ByteArrayInputStream(this.bytes));
			this.streams.add(stream);
			return stream;
		}

		@Override
		public void transferTo(File dest) throws IOException {
			Files.write(dest.toPath(), this.bytes);
		}

	}

	/**
	 * A WebFlux file part over bytes, in small buffers.
	 */
	static FilePart filePart(String filename, String contentType, byte[] bytes) {
		return filePart(filename, contentType, Flux
			.defer(() -> Flux.fromIterable(chunks(bytes, 1000)).map(DefaultDataBufferFactory.sharedInstance::wrap)));
	}

	static FilePart filePart(String filename, String contentType, Flux<DataBuffer> content) {
		return new FilePart() {

			@Override
			public String name() {
				return "file";
			}

			@Override
			public String filename() {
				return filename;
			}

			@Override
			public HttpHeaders headers() {
				HttpHeaders headers = new HttpHeaders();
				headers.setContentType(MediaType.parseMediaType(contentType));
				return headers;
			}

			@Override
			public Flux<DataBuffer> content() {
				return content;
			}

			@Override
			public Mono<Void> transferTo(Path dest) {
				return DataBufferUtils.write(content, dest);
			}

		};
	}

	static List<byte[]> chunks(byte[] bytes, int size) {
		List<byte[]> chunks = new CopyOnWriteArrayList<>();
		for (int offset = 0; offset < bytes.length; offset += size) {
			chunks.add(Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + size)));
		}
		return chunks;
	}

	/**
	 * Records the threads that read it and whether it was closed; optionally fails with
	 * an {@link IOException} once a number of bytes were read.
	 */
	static final class RecordingInputStream extends InputStream {

		private final InputStream delegate;

		private final long failAfter;

		private long read;

		final List<String> readingThreads = new CopyOnWriteArrayList<>();

		volatile boolean closed;

		RecordingInputStream(InputStream delegate) {
			this(delegate, Long.MAX_VALUE);
		}

		RecordingInputStream(InputStream delegate, long failAfter) {
			this.delegate = delegate;
			this.failAfter = failAfter;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int count = read(one, 0, 1);
			return (count == -1) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			this.readingThreads.add(Thread.currentThread().getName());
			if (this.read >= this.failAfter) {
				throw new IOException("Connection reset by peer");
			}
			int count = this.delegate.read(b, off, (int) Math.min(len, Math.max(1, this.failAfter - this.read)));
			if (count > 0) {
				this.read += count;
			}
			return count;
		}

		@Override
		public void close() throws IOException {
			this.closed = true;
			this.delegate.close();
		}

	}

}
