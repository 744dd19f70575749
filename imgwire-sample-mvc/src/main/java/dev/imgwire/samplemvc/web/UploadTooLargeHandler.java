package dev.imgwire.samplemvc.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A file over {@code spring.servlet.multipart.max-file-size} (or a form over
 * {@code max-request-size}) is refused when the upload controller asks for it; the user
 * gets the gallery back with a message saying so and what the limit is.
 *
 * @author Imgwire
 */
@ControllerAdvice
final class UploadTooLargeHandler {

	private final MultipartProperties multipart;

	UploadTooLargeHandler(MultipartProperties multipart) {
		this.multipart = multipart;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String uploadTooLarge(HttpServletRequest request) {
		RequestContextUtils.getOutputFlashMap(request)
			.put(Notice.ATTRIBUTE, Notice.error("The file is too large: images of up to "
					+ this.multipart.getMaxFileSize().toMegabytes() + " MB can be uploaded."));
		return "redirect:/";
	}

}
