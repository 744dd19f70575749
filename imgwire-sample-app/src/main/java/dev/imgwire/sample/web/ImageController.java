package dev.imgwire.sample.web;

import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.cdn.ImgwireVariants;
import dev.imgwire.client.model.UploadViaUrlRequest;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;

/**
 * The gallery's server-side operations. They need the Server Key, so the browser goes
 * through this controller instead of calling Imgwire directly. URL imports create
 * uploads, so they are limited per user by
 * {@link dev.imgwire.sample.ratelimit.UploadRateLimitWebFilter}.
 *
 * @author Imgwire
 */
@RestController
public final class ImageController {

	private final ImgwireImagesClient client;

	private final ImgwireVariants variants;

	public ImageController(ImgwireImagesClient client, ImgwireVariants variants) {
		this.client = client;
		this.variants = variants;
	}

	@GetMapping("/api/images")
	public Mono<GalleryPage> list(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "12") int limit) {
		return this.client.list(page, limit).map((images) -> GalleryPage.of(images, this.variants));
	}

	/**
	 * The server-side path: the browser posts the file to this server, which streams it
	 * on to Imgwire with the Server Key. A part has no declared length, so the client
	 * spools it to a temporary file first (bounded by imgwire.upload.spool.max-size).
	 */
	@PostMapping(path = "/api/images/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	public Mono<ImageView> upload(@RequestPart("file") Mono<FilePart> file) {
		return file.flatMap((part) -> this.client.upload(UploadSource.fromFilePart(part), UploadOptions.defaults()))
			.map((image) -> ImageView.of(image, this.variants));
	}

	@PostMapping("/api/images/import")
	public Mono<ImageView> importFromUrl(@RequestBody ImportRequest request) {
		// Missing or blank, the client rejects it naming the field.
		String url = Objects.requireNonNullElse(request.url(), "");
		return Mono.defer(() -> this.client.uploadViaUrl(UploadViaUrlRequest.of(url)))
			.map((image) -> ImageView.of(image, this.variants));
	}

	@DeleteMapping("/api/images/{id}")
	public Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
		return this.client.delete(id).thenReturn(ResponseEntity.noContent().build());
	}

	@PostMapping("/api/images/bulk-delete")
	public Mono<BulkDeleteResponse> bulkDelete(@RequestBody ImageIdsRequest request) {
		return this.client.bulkDelete(request.idsOrEmpty())
			.thenReturn(new BulkDeleteResponse(request.idsOrEmpty().size()));
	}

}
