package dev.imgwire.samplemvc.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.imgwire.client.ImgwireImagesTemplate;
import dev.imgwire.client.cdn.ImgwireVariants;
import dev.imgwire.client.error.ImgwireException;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;

/**
 * {@code GET /}: one page of images, fetched with the blocking template. The request runs
 * on a virtual thread, so waiting for Imgwire holds no platform thread.
 *
 * @author Imgwire
 */
@Controller
final class GalleryController {

	private static final Log logger = LogFactory.getLog(GalleryController.class);

	private final ImgwireImagesTemplate images;

	private final ImgwireVariants variants;

	private final GalleryProperties properties;

	GalleryController(ImgwireImagesTemplate images, ImgwireVariants variants, GalleryProperties properties) {
		this.images = images;
		this.variants = variants;
		this.properties = properties;
	}

	@GetMapping("/")
	String gallery(@RequestParam(defaultValue = "1") int page, Model model, RedirectAttributes redirect) {
		GalleryPage gallery;
		try {
			gallery = load(Math.max(1, page));
		}
		catch (ImgwireException ex) {
			logger.warn("Could not load the gallery", ex);
			model.addAttribute(Notice.ATTRIBUTE, Notice.error("Could not load the gallery: " + ex.getMessage()));
			gallery = GalleryPage.empty();
		}
		// Past the last page (its last image was just deleted, say): show the last one,
		// with the message this page was meant to show.
		if (gallery.images().isEmpty() && gallery.page() > gallery.pageCount()) {
			Object notice = model.getAttribute(Notice.ATTRIBUTE);
			if (notice != null) {
				redirect.addFlashAttribute(Notice.ATTRIBUTE, notice);
			}
			return "redirect:/?page=" + gallery.pageCount();
		}
		model.addAttribute("gallery", gallery);
		return "gallery";
	}

	private GalleryPage load(int page) {
		Page<Image> images = this.images.list(page, this.properties.pageSize());
		return GalleryPage.of(images.items()
			.stream()
			.map((image) -> GalleryImage.of(image, this.variants, this.properties.variant()))
			.toList(), images.pagination());
	}

}
