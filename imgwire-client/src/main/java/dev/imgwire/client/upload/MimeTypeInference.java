package dev.imgwire.client.upload;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.model.SupportedMimeType;

/**
 * Decides the MIME type of an upload:
 * <ol>
 * <li>the one given in the options, as the caller asked;</li>
 * <li>for a source that declares a content type (a multipart file or part): the first
 * bytes. The declared type is kept when they agree; when they reveal another type, that
 * one is taken if the declared type is not an image type Imgwire accepts (such as
 * {@code application/octet-stream}), and the upload is refused with an
 * {@link ImgwireRequestValidationException} naming both types if it is;</li>
 * <li>the file name's extension;</li>
 * <li>the content's first bytes.</li>
 * </ol>
 * Never falls back to a type the API does not accept.
 *
 * @author Imgwire
 */
public final class MimeTypeInference {

	private MimeTypeInference() {
	}

	/**
	 * Infer the type.
	 * @param source the source; its first bytes are read only when needed, and never from
	 * a one-shot source that cannot be peeked at
	 * @param given the type from the options, if any
	 * @param fileName the file name, if any
	 * @return the type; an {@link ImgwireRequestValidationException} on {@code mime_type}
	 * when it cannot be told, or when the declared type and the content disagree
	 */
	public static Mono<SupportedMimeType> infer(UploadSource source, @Nullable SupportedMimeType given,
			@Nullable String fileName) {
		if (given != null) {
			return Mono.just(given);
		}
		String declared = source.declaredContentType();
		Mono<SupportedMimeType> fromName = Mono.justOrEmpty(SupportedMimeType.fromFileName(fileName));
		Mono<SupportedMimeType> fromContent = Mono.defer(() -> source.head(MagicBytes.HEAD_LENGTH))
			.flatMap((head) -> Mono.justOrEmpty(MagicBytes.detect(head)));
		Mono<SupportedMimeType> inferred = (declared != null)
				? fromContent.map((detected) -> confirm(declared, detected)).switchIfEmpty(fromName)
				: fromName.switchIfEmpty(fromContent);
		return inferred.switchIfEmpty(Mono.error(() -> new ImgwireRequestValidationException("mime_type",
				"could not be inferred from the file name or the content; set it")));
	}

	/**
	 * Check a declared type against the one the content reveals.
	 * @param declared the declared type, such as a part's {@code Content-Type}
	 * @param detected the type the first bytes reveal
	 * @return the type to upload as
	 */
	private static SupportedMimeType confirm(String declared, SupportedMimeType detected) {
		Optional<SupportedMimeType> claimed = supported(declared);
		if (claimed.isPresent() && claimed.get() != detected) {
			throw new ImgwireRequestValidationException("mime_type",
					"the source declares " + claimed.get().value() + " but its content is " + detected.value()
							+ "; set the MIME type in the upload options to upload it anyway");
		}
		return detected;
	}

	private static Optional<SupportedMimeType> supported(String contentType) {
		String value = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
		SupportedMimeType type = SupportedMimeType.fromValue(value);
		return (type != SupportedMimeType.UNKNOWN) ? Optional.of(type) : Optional.empty();
	}

}
