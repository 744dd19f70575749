package dev.imgwire.client.upload;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;

/**
 * Sources for WebFlux's {@link FilePart}. Kept apart from {@link UploadSource} so that
 * the type is loaded only by {@link UploadSource#fromFilePart}.
 *
 * @author Imgwire
 */
final class FilePartSources {

	private FilePartSources() {
	}

	static UploadSource of(@Nullable FilePart part) {
		if (part == null) {
			return UnknownLengthUploadSource.missing("part");
		}
		MediaType contentType = part.headers().getContentType();
		return UnknownLengthUploadSource.ofBuffers(part.content(), UploadSource.withoutDirectories(part.filename()),
				(contentType != null) ? contentType.toString() : null, "file part");
	}

}
