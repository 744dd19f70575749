package dev.imgwire.client;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.imgwire.client.model.DownloadJob;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.model.UploadViaUrlRequest;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;

/**
 * Reactive client for the Imgwire Images API. Every method validates its arguments
 * against the API's constraints before anything is sent, and fails with a subtype of
 * {@link dev.imgwire.client.error.ImgwireException}. Publishers are lazy: nothing happens
 * until subscription.
 *
 * @author Imgwire
 * @see ImgwireClient#images()
 */
public interface ImgwireImagesClient {

	/**
	 * Create a builder for a client of images only; {@link ImgwireClient#builder} builds
	 * the client of every resource.
	 * @param webClientBuilder the builder to start from; it is cloned, never mutated
	 * @param settings base URL and keys
	 * @return a builder
	 */
	static ImgwireClientBuilder<ImgwireImagesClient> builder(WebClient.Builder webClientBuilder,
			ImgwireClientSettings settings) {
		return new ImgwireClientBuilder<>(webClientBuilder, settings, ImgwireClient::images);
	}

	/**
	 * Fetch one page of images ({@code GET /api/v1/images/}).
	 * @param page page number, at least 1
	 * @param limit items per page, 1 to 100
	 * @return the page and its pagination
	 */
	Mono<Page<Image>> list(int page, int limit);

	/**
	 * Lazily follow {@code X-Next-Page} from page 1. A page is fetched only when the
	 * subscriber has requested it; with more than one page requested, the next is fetched
	 * while this one is read, never more than two at a time.
	 * @param limit items per page, 1 to 100
	 * @return the pages in order
	 */
	Flux<Page<Image>> listPages(int limit);

	/**
	 * Lazily stream every image, page by page, honouring backpressure. A page is fetched
	 * only for demand the pages so far cannot meet (a subscriber that requests one image
	 * causes one request); when the demand reaches beyond the page being read, the next
	 * page is fetched while this one is consumed, never more than two pages at a time.
	 * @param limit items per page, 1 to 100
	 * @return the images in order
	 */
	Flux<Image> listAll(int limit);

	/**
	 * Fetch one image ({@code GET /api/v1/images/{image_id}}).
	 * @param imageId the image id, a UUID
	 * @return the image
	 */
	Mono<Image> retrieve(String imageId);

	/**
	 * Delete one image ({@code DELETE /api/v1/images/{image_id}}).
	 * <p>
	 * A retry that is answered 404 means an earlier attempt deleted the image and only
	 * its answer was lost: that counts as success, with an empty map. A 404 on the first
	 * attempt is an {@link dev.imgwire.client.error.ImgwireNotFoundException}. The API
	 * gives no way to tell that apart from an id that was unknown all along when the
	 * first attempt never reached it.
	 * @param imageId the image id, a UUID
	 * @return the API's answer, an untyped map; empty when a retry found the image
	 * already deleted
	 */
	Mono<Map<String, String>> delete(String imageId);

	/**
	 * Delete several images ({@code POST /api/v1/images/bulk_delete}).
	 * <p>
	 * A retry that is answered 404 means an earlier attempt deleted the images and only
	 * its answer was lost: that counts as success, with an empty map. A 404 on the first
	 * attempt is an {@link dev.imgwire.client.error.ImgwireNotFoundException}. The API
	 * gives no way to tell that apart from an id that was unknown all along when the
	 * first attempt never reached it.
	 * @param imageIds at least one image id, each a UUID
	 * @return the API's answer, an untyped map; empty when a retry found the images
	 * already deleted
	 */
	Mono<Map<String, String>> bulkDelete(Collection<String> imageIds);

	/**
	 * Create an image record and a presigned upload URL
	 * ({@code POST /api/v1/images/standard_upload}). An idempotency key is always sent:
	 * the request's, or a generated one.
	 * @param request the upload metadata
	 * @return the record and its upload URL
	 */
	Mono<StandardUpload> createStandardUpload(StandardUploadRequest request);

	/**
	 * Create a standard upload with an upload token, as a Client Key does.
	 * @param request the upload metadata
	 * @param uploadToken a token from {@link #createUploadToken()}, sent as the
	 * {@code upload_token} query parameter
	 * @return the record and its upload URL
	 */
	Mono<StandardUpload> createStandardUpload(StandardUploadRequest request, String uploadToken);

	/**
	 * Create the record, then stream the bytes to its presigned URL. Memory use does not
	 * grow with the size of the source. A source of unknown length is first spooled to a
	 * temporary file (see {@link UploadSource}), and fails with an
	 * {@link dev.imgwire.client.error.ImgwireSpoolLimitException} before the record is
	 * created when it is over the spool limit. A failure after the record was created
	 * names it: {@link dev.imgwire.client.error.ImgwireException#getImageId()}.
	 * @param source the bytes
	 * @param options file name, MIME type, metadata and whether to hash or wait
	 * @return the image after the bytes were accepted (or once {@code READY} when
	 * {@link UploadOptions#awaitReady()} is set)
	 */
	Mono<Image> upload(UploadSource source, UploadOptions options);

	/**
	 * Let Imgwire fetch an image from a URL ({@code POST /api/v1/images/upload_via_url}).
	 * An idempotency key is always sent.
	 * @param request the URL and metadata
	 * @return the new image
	 */
	Mono<Image> uploadViaUrl(UploadViaUrlRequest request);

	/**
	 * Create a short-lived, single-use upload token for a browser
	 * ({@code POST /api/v1/images/token}).
	 * @return the token
	 */
	Mono<UploadToken> createUploadToken();

	/**
	 * Start a bulk download ({@code POST /api/v1/images/downloads}).
	 * @param imageIds at least one image id, each a UUID
	 * @return the job, usually not ready yet
	 */
	Mono<DownloadJob> createDownloadJob(Collection<String> imageIds);

	/**
	 * Fetch a bulk download job ({@code GET
	 * /api/v1/images/downloads/{image_download_job_id}}).
	 * @param jobId the job id, a UUID
	 * @return the job
	 */
	Mono<DownloadJob> retrieveDownloadJob(String jobId);

	/**
	 * Poll an image until it is {@code READY}.
	 * @param imageId the image id, a UUID
	 * @param timeout how long to wait in total
	 * @return the ready image; an
	 * {@link dev.imgwire.client.error.ImgwireProcessingException} for {@code QUARANTINE}
	 * or when the timeout elapses
	 */
	Mono<Image> awaitReady(String imageId, Duration timeout);

	/**
	 * Poll a download job until it is {@code READY}.
	 * @param jobId the job id, a UUID
	 * @param timeout how long to wait in total
	 * @return the ready job, with its download URL; an
	 * {@link dev.imgwire.client.error.ImgwireProcessingException} for {@code FAILED} or
	 * when the timeout elapses
	 */
	Mono<DownloadJob> awaitDownloadJob(String jobId, Duration timeout);

}
