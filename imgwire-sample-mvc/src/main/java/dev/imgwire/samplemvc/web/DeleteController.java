package dev.imgwire.samplemvc.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.imgwire.client.ImgwireImagesTemplate;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.error.ImgwireNotFoundException;
import dev.imgwire.client.error.ImgwireRequestValidationException;
import dev.imgwire.client.model.Image;

/**
 * {@code POST /images/{id}/delete}: the delete button's form. The image is fetched first,
 * so the message can name it, then deleted, both with the blocking template; the browser
 * goes back to the page it came from.
 *
 * @author Imgwire
 */
@Controller
final class DeleteController {

	private static final Log logger = LogFactory.getLog(DeleteController.class);

	private final ImgwireImagesTemplate images;

	DeleteController(ImgwireImagesTemplate images) {
		this.images = images;
	}

	@PostMapping("/images/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(defaultValue = "1") int page, RedirectAttributes redirect) {
		redirect.addFlashAttribute(Notice.ATTRIBUTE, deleteImage(id));
		return "redirect:/?page=" + Math.max(1, page);
	}

	private Notice deleteImage(String id) {
		try {
			Image image = this.images.retrieve(id);
			this.images.delete(id);
			return Notice.success("Deleted “" + image.originalFilename() + "”.");
		}
		catch (ImgwireNotFoundException | ImgwireRequestValidationException ex) {
			return Notice.error("There is no such image; it may have been deleted already.");
		}
		catch (ImgwireException ex) {
			logger.warn("Deleting image " + id + " failed", ex);
			return Notice.error("The image could not be deleted: " + ex.getMessage());
		}
	}

}
