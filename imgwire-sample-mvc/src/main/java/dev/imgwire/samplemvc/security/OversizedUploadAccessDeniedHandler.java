package dev.imgwire.samplemvc.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import dev.imgwire.samplemvc.web.Notice;

/**
 * A file over {@code spring.servlet.multipart.max-file-size} makes Tomcat refuse to read
 * any field of the form, the CSRF token included, so the upload is denied before it
 * reaches the application. Such a request stores nothing either way; its sender gets the
 * gallery back with a message saying what the limit is, instead of a bare 403. Every
 * other denial is Spring Security's 403, and the token is only ever read from the form.
 *
 * @author Imgwire
 */
final class OversizedUploadAccessDeniedHandler implements AccessDeniedHandler {

	private final AccessDeniedHandler denied = new AccessDeniedHandlerImpl();

	private final SessionFlashMapManager flashMaps = new SessionFlashMapManager();

	private final MultipartProperties multipart;

	OversizedUploadAccessDeniedHandler(MultipartProperties multipart) {
		this.multipart = multipart;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denial)
			throws IOException, ServletException {
		if (!isOversizedUpload(request)) {
			this.denied.handle(request, response, denial);
			return;
		}
		FlashMap flash = new FlashMap();
		flash.put(Notice.ATTRIBUTE, Notice.error("The file is too large: images of up to "
				+ this.multipart.getMaxFileSize().toMegabytes() + " MB can be uploaded."));
		flash.setTargetRequestPath(request.getContextPath() + "/");
		this.flashMaps.saveOutputFlashMap(flash, request, response);
		response.sendRedirect(request.getContextPath() + "/");
	}

	private static boolean isOversizedUpload(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (!"POST".equals(request.getMethod()) || contentType == null
				|| !contentType.startsWith("multipart/form-data")) {
			return false;
		}
		try {
			request.getParts();
			return false;
		}
		catch (IllegalStateException ex) {
			// What the servlet container throws for a part or request over its limits.
			return true;
		}
		catch (IOException | ServletException ex) {
			return false;
		}
	}

}
