package dev.imgwire.samplemvc.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.imgwire.client.ImgwireImagesTemplate;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;

/**
 * {@code POST /images}: the form's file goes to Imgwire with the blocking template,
 * streamed from the multipart file (never read into memory), and the browser is sent back
 * to the gallery with a message naming the file. Whatever goes wrong becomes a message
 * too, never a stack trace. A file over the size limit never reaches this method: see
 * {@link UploadTooLargeHandler}.
 *
 * @author Imgwire
 */
@Controller
final class UploadController {

	private static final Log logger = LogFactory.getLog(UploadController.class);

	private final ImgwireImagesTemplate images;

	UploadController(ImgwireImagesTemplate images) {
		this.images = images;
	}

	@PostMapping("/images")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		redirect.addFlashAttribute(Notice.ATTRIBUTE, store(file));
		return "redirect:/";
	}

	private Notice store(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return Notice.error("Choose an image file to upload.");
		}
		String name = displayName(file);
		try {
			Image image = this.images.upload(UploadSource.fromMultipartFile(file), UploadOptions.defaults());
			return Notice.success("Uploaded “" + image.originalFilename() + "”.");
		}
		catch (ImgwireRequestValidationException ex) {
			if ("mime_type".equals(ex.getField())) {
				return Notice.error("“" + name + "” is not an image Imgwire accepts "
						+ "(JPEG, PNG, WebP, AVIF, GIF, HEIC, BMP, TIFF, JPEG XL or ICO).");
			}
			return Notice.error("“" + name + "” was not uploaded: " + ex.getMessage());
		}
		catch (ImgwireException ex) {
			logger.warn("Upload of " + name + " failed", ex);
			return Notice.error("“" + name + "” could not be uploaded: " + ex.getMessage());
		}
	}

	private static String displayName(MultipartFile file) {
		String name = StringUtils.getFilename(file.getOriginalFilename());
		return StringUtils.hasText(name) ? name : "The file";
	}

}
