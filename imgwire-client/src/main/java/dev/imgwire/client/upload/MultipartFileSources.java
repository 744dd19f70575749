package dev.imgwire.client.upload;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/**
 * Sources for Spring MVC's {@link MultipartFile}. Kept apart from {@link UploadSource} so
 * that the type is loaded only by {@link UploadSource#fromMultipartFile}.
 *
 * @author Imgwire
 */
final class MultipartFileSources {

	private MultipartFileSources() {
	}

	static UploadSource of(@Nullable MultipartFile file) {
		if (file == null) {
			return InputStreamUploadSource.missing("file must not be null");
		}
		return InputStreamUploadSource.replayable(file::getInputStream, file.getSize(),
				UploadSource.withoutDirectories(file.getOriginalFilename()), file.getContentType(), "multipart file");
	}

}
