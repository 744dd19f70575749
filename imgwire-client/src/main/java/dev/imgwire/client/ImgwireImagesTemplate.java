package dev.imgwire.client;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Stream;

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
 * Blocking operations on images: each is the {@link ImgwireImagesClient} operation of the
 * same name, waited for as {@link ImgwireTemplate} describes (deadlines, threads,
 * streams, exceptions). Every method validates its arguments before anything is sent and
 * fails with a subtype of {@link dev.imgwire.client.error.ImgwireException}.
 *
 * @author Imgwire
 * @see ImgwireTemplate#images()
 */
public final class ImgwireImagesTemplate {

	private final ImgwireImagesClient client;

	private final Blocking blocking;

	ImgwireImagesTemplate(ImgwireImagesClient client, Blocking blocking) {
		this.client = client;
		this.blocking = blocking;
	}

	/**
	 * Fetch one page of images.
	 * @param page page number, at least 1
	 * @param limit items per page, 1 to 100
	 * @return the page and its pagination
	 * @see ImgwireImagesClient#list(int, int)
	 */
	public Page<Image> list(int page, int limit) {
		return this.blocking.await(ImgwireOperation.LIST, () -> this.client.list(page, limit));
	}

	/**
	 * Every page, lazily: a page is fetched only when the stream reaches it. Close the
	 * stream when stopping early.
	 * @param limit items per page, 1 to 100
	 * @return the pages in order
	 * @see ImgwireImagesClient#listPages(int)
	 */
	public Stream<Page<Image>> listPages(int limit) {
		return this.blocking.stream(ImgwireOperation.LIST, () -> this.client.listPages(limit));
	}

	/**
	 * Every image, lazily: a page is fetched only when the stream has used up the last
	 * one. Close the stream when stopping early.
	 * @param limit items per page, 1 to 100
	 * @return the images in order
	 * @see ImgwireImagesClient#listAll(int)
	 */
	public Stream<Image> listAll(int limit) {
		return this.blocking.stream(ImgwireOperation.LIST, () -> this.client.listAll(limit));
	}

	/**
	 * Fetch one image.
	 * @param imageId the image id, a UUID
	 * @return the image
	 * @see ImgwireImagesClient#retrieve(String)
	 */
	public Image retrieve(String imageId) {
		return this.blocking.await(ImgwireOperation.RETRIEVE, () -> this.client.retrieve(imageId));
	}

	/**
	 * Delete one image.
	 * @param imageId the image id, a UUID
	 * @return the API's answer; empty when a retry found the image already deleted
	 * @see ImgwireImagesClient#delete(String)
	 */
	public Map<String, String> delete(String imageId) {
		return this.blocking.await(ImgwireOperation.DELETE, () -> this.client.delete(imageId));
	}

	/**
	 * Delete several images.
	 * @param imageIds at least one image id, each a UUID
	 * @return the API's answer; empty when a retry found the images already deleted
	 * @see ImgwireImagesClient#bulkDelete(Collection)
	 */
	public Map<String, String> bulkDelete(Collection<String> imageIds) {
		return this.blocking.await(ImgwireOperation.BULK_DELETE, () -> this.client.bulkDelete(imageIds));
	}

	/**
	 * Create an image record and a presigned upload URL.
	 * @param request the upload metadata
	 * @return the record and its upload URL
	 * @see ImgwireImagesClient#createStandardUpload(StandardUploadRequest)
	 */
	public StandardUpload createStandardUpload(StandardUploadRequest request) {
		return this.blocking.await(ImgwireOperation.CREATE, () -> this.client.createStandardUpload(request));
	}

	/**
	 * Create a standard upload with an upload token, as a Client Key does.
	 * @param request the upload metadata
	 * @param uploadToken a token from {@link #createUploadToken()}
	 * @return the record and its upload URL
	 * @see ImgwireImagesClient#createStandardUpload(StandardUploadRequest, String)
	 */
	public StandardUpload createStandardUpload(StandardUploadRequest request, String uploadToken) {
		return this.blocking.await(ImgwireOperation.CREATE,
				() -> this.client.createStandardUpload(request, uploadToken));
	}

	/**
	 * Create the record, then stream the bytes to its presigned URL.
	 * @param source the bytes
	 * @param options file name, MIME type, metadata and whether to hash or wait
	 * @return the image after the bytes were accepted (or once {@code READY} when asked)
	 * @see ImgwireImagesClient#upload(UploadSource, UploadOptions)
	 */
	public Image upload(UploadSource source, UploadOptions options) {
		return this.blocking.await(ImgwireOperation.UPLOAD, () -> this.client.upload(source, options));
	}

	/**
	 * Let Imgwire fetch an image from a URL.
	 * @param request the URL and metadata
	 * @return the new image
	 * @see ImgwireImagesClient#uploadViaUrl(UploadViaUrlRequest)
	 */
	public Image uploadViaUrl(UploadViaUrlRequest request) {
		return this.blocking.await(ImgwireOperation.UPLOAD_VIA_URL, () -> this.client.uploadViaUrl(request));
	}

	/**
	 * Create a short-lived, single-use upload token for a browser.
	 * @return the token
	 * @see ImgwireImagesClient#createUploadToken()
	 */
	public UploadToken createUploadToken() {
		return this.blocking.await(ImgwireOperation.CREATE_UPLOAD_TOKEN, this.client::createUploadToken);
	}

	/**
	 * Start a bulk download.
	 * @param imageIds at least one image id, each a UUID
	 * @return the job, usually not ready yet
	 * @see ImgwireImagesClient#createDownloadJob(Collection)
	 */
	public DownloadJob createDownloadJob(Collection<String> imageIds) {
		return this.blocking.await(ImgwireOperation.CREATE_DOWNLOAD_JOB, () -> this.client.createDownloadJob(imageIds));
	}

	/**
	 * Fetch a bulk download job.
	 * @param jobId the job id, a UUID
	 * @return the job
	 * @see ImgwireImagesClient#retrieveDownloadJob(String)
	 */
	public DownloadJob retrieveDownloadJob(String jobId) {
		return this.blocking.await(ImgwireOperation.RETRIEVE_DOWNLOAD_JOB,
				() -> this.client.retrieveDownloadJob(jobId));
	}

	/**
	 * Poll an image until it is {@code READY}; blocks at most {@code timeout} plus the
	 * block timeout.
	 * @param imageId the image id, a UUID
	 * @param timeout how long to wait in total
	 * @return the ready image; an
	 * {@link dev.imgwire.client.error.ImgwireProcessingException} for {@code QUARANTINE}
	 * or when the timeout elapses
	 * @see ImgwireImagesClient#awaitReady(String, Duration)
	 */
	public Image awaitReady(String imageId, Duration timeout) {
		return this.blocking.await(ImgwireOperation.RETRIEVE, timeout, () -> this.client.awaitReady(imageId, timeout));
	}

	/**
	 * Poll a download job until it is {@code READY}; blocks at most {@code timeout} plus
	 * the block timeout.
	 * @param jobId the job id, a UUID
	 * @param timeout how long to wait in total
	 * @return the ready job, with its download URL; an
	 * {@link dev.imgwire.client.error.ImgwireProcessingException} for {@code FAILED} or
	 * when the timeout elapses
	 * @see ImgwireImagesClient#awaitDownloadJob(String, Duration)
	 */
	public DownloadJob awaitDownloadJob(String jobId, Duration timeout) {
		return this.blocking.await(ImgwireOperation.RETRIEVE_DOWNLOAD_JOB, timeout,
				() -> this.client.awaitDownloadJob(jobId, timeout));
	}

	@Override
	public String toString() {
		return "ImgwireImagesTemplate[" + this.client + "]";
	}

}
