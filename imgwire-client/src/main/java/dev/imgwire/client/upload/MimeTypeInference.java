package dev.imgwire.client.upload;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.model.SupportedMimeType;

/**
 * Decides the MIME type of an upload: the one given, else the file name's extension,
 * else the content's first bytes. Never falls back to a type the API does not accept.
 *
 * @author Imgwire
 */
public final class MimeTypeInference {

	private MimeTypeInference() {
	}

	/**
	 * Infer the type.
	 * @param source the source; its first bytes are read only when needed, and never
	 * from a one-shot source
	 * @param given the type from the options, if any
	 * @param fileName the file name, if any
	 * @return the type; an {@link ImgwireRequestValidationException} on
	 * {@code mime_type} when it cannot be told
	 */
	public static Mono<SupportedMimeType> infer(UploadSource source, @Nullable SupportedMimeType given,
			@Nullable String fileName) {
		if (given != null) {
			return Mono.just(given);
		}
		return Mono.justOrEmpty(SupportedMimeType.fromFileName(fileName))
			.switchIfEmpty(Mono.defer(() -> source.head(MagicBytes.HEAD_LENGTH))
				.flatMap((head) -> Mono.justOrEmpty(MagicBytes.detect(head))))
			.switchIfEmpty(Mono.error(() -> new ImgwireRequestValidationException("mime_type",
					"could not be inferred from the file name or the content; set it")));
	}

}
