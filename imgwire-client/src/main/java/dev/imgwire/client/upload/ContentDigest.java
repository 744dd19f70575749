package dev.imgwire.client.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireUploadException;

/**
 * Hashes an upload source by streaming it once, chunk by chunk.
 *
 * @author Imgwire
 */
public final class ContentDigest {

	private ContentDigest() {
	}

	/**
	 * Compute the SHA-256 of a replayable source, checking its length on the way.
	 * @param source the source
	 * @return the digest as lowercase hex; an {@link ImgwireUploadException} when the
	 * source cannot be read or its length differs from {@link UploadSource#length()}
	 */
	public static Mono<String> sha256(UploadSource source) {
		return Mono.defer(() -> {
			long declared = source.length();
			MessageDigest digest = newDigest();
			long[] read = new long[1];
			return source.content(DefaultDataBufferFactory.sharedInstance).doOnNext((buffer) -> {
				try {
					read[0] += buffer.readableByteCount();
					try (var iterator = buffer.readableByteBuffers()) {
						while (iterator.hasNext()) {
							digest.update(iterator.next());
						}
					}
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			}).then(Mono.fromCallable(() -> {
				if (read[0] != declared) {
					throw new ImgwireUploadException("Upload source length mismatch: declared " + declared
							+ " bytes but the source produced " + read[0] + " bytes");
				}
				return HexFormat.of().formatHex(digest.digest());
			}))
				.onErrorMap((ex) -> !(ex instanceof ImgwireException),
						(ex) -> new ImgwireUploadException(
								"The upload source could not be read to compute its SHA-256 ("
										+ ex.getClass().getSimpleName() + ")",
								ex));
		});
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is a required JDK algorithm", ex);
		}
	}

}
