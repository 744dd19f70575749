package dev.imgwire.client.images;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.ImgwireOperation;
import dev.imgwire.client.internal.ApiRequest;
import dev.imgwire.client.internal.ImgwireTransport;
import dev.imgwire.client.internal.Paging;
import dev.imgwire.client.internal.Poller;
import dev.imgwire.client.internal.ResponseReader;
import dev.imgwire.client.model.DownloadJob;
import dev.imgwire.client.model.DownloadJobStatus;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.model.ImageIds;
import dev.imgwire.client.model.ImageStatus;
import dev.imgwire.client.model.Page;
import dev.imgwire.client.model.StandardUpload;
import dev.imgwire.client.model.StandardUploadRequest;
import dev.imgwire.client.model.UploadToken;
import dev.imgwire.client.model.UploadViaUrlRequest;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.client.upload.UploadSpool;
import dev.imgwire.client.validation.RequestValidator;

/**
 * The {@link ImgwireImagesClient} over the shared {@link ImgwireTransport}: each method
 * validates its arguments, describes its request and names how to read the answer.
 * Uploads are orchestrated by {@link ImageUploads}.
 *
 * @author Imgwire
 */
public final class DefaultImgwireImagesClient implements ImgwireImagesClient {

	private final ImgwireTransport transport;

	private final ImageUploads uploads;

	private final Poller poller;

	private final ResponseReader<Image> image;

	private final ResponseReader<StandardUpload> standardUpload;

	private final ResponseReader<UploadToken> uploadToken;

	private final ResponseReader<DownloadJob> downloadJob;

	private final ResponseReader<Map<String, String>> deleted;

	/**
	 * Create the client.
	 * @param transport the shared transport
	 * @param uploadTimeout bound of one attempt of the presigned {@code PUT}
	 * @param responseTimeout bound of the wait for the {@code PUT}'s answer once its body
	 * is sent
	 * @param pollInterval the wait between two polls of the await operations
	 * @param awaitReadyByDefault whether {@code upload} waits for {@code READY} when its
	 * options leave it open
	 * @param readyTimeout how long {@code upload} waits for {@code READY}
	 * @param spool where sources of unknown length are spooled, and up to which size
	 */
	public DefaultImgwireImagesClient(ImgwireTransport transport, Duration uploadTimeout, Duration responseTimeout,
			Duration pollInterval, boolean awaitReadyByDefault, Duration readyTimeout, UploadSpool spool) {
		this.transport = transport;
		this.poller = new Poller(pollInterval);
		this.uploads = new ImageUploads(this, transport, uploadTimeout, responseTimeout, awaitReadyByDefault,
				readyTimeout, spool);
		this.image = transport.json(Image.class);
		this.standardUpload = transport.json(StandardUpload.class).namingImage((created) -> created.image().id());
		this.uploadToken = transport.json(UploadToken.class);
		this.downloadJob = transport.json(DownloadJob.class);
		this.deleted = transport.stringMap();
	}

	@Override
	public Mono<Page<Image>> list(int page, int limit) {
		return this.transport.list(ImgwireOperation.LIST, Image.class, page, limit);
	}

	@Override
	public Flux<Page<Image>> listPages(int limit) {
		return Paging.pages(limit, this.transport.pages(ImgwireOperation.LIST, Image.class));
	}

	@Override
	public Flux<Image> listAll(int limit) {
		return Paging.items(limit, this.transport.pages(ImgwireOperation.LIST, Image.class));
	}

	@Override
	public Mono<Image> retrieve(String imageId) {
		return this.transport.execute(ImgwireOperation.RETRIEVE, () -> image(imageId), this.image);
	}

	@Override
	public Mono<Map<String, String>> delete(String imageId) {
		return this.transport.execute(ImgwireOperation.DELETE, () -> image(imageId), this.deleted);
	}

	@Override
	public Mono<Map<String, String>> bulkDelete(Collection<String> imageIds) {
		return this.transport.execute(ImgwireOperation.BULK_DELETE,
				() -> ApiRequest.to().body(new ImageIds(RequestValidator.imageIds(imageIds))), this.deleted);
	}

	@Override
	public Mono<StandardUpload> createStandardUpload(StandardUploadRequest request) {
		return this.transport.execute(ImgwireOperation.CREATE, () -> {
			RequestValidator.standardUpload(request);
			return ApiRequest.to().body(request);
		}, this.standardUpload);
	}

	@Override
	public Mono<StandardUpload> createStandardUpload(StandardUploadRequest request, String uploadToken) {
		return this.transport.execute(ImgwireOperation.CREATE, () -> {
			RequestValidator.standardUpload(request);
			RequestValidator.uploadToken(uploadToken);
			return ApiRequest.to().body(request).uploadToken(uploadToken);
		}, this.standardUpload);
	}

	@Override
	public Mono<Image> upload(UploadSource source, UploadOptions options) {
		return this.uploads.upload(source, options);
	}

	@Override
	public Mono<Image> uploadViaUrl(UploadViaUrlRequest request) {
		return this.transport.execute(ImgwireOperation.UPLOAD_VIA_URL, () -> {
			RequestValidator.uploadViaUrl(request);
			return ApiRequest.to().body(request);
		}, this.image.namingImage(Image::id));
	}

	@Override
	public Mono<UploadToken> createUploadToken() {
		return this.transport.execute(ImgwireOperation.CREATE_UPLOAD_TOKEN, ApiRequest::to, this.uploadToken);
	}

	@Override
	public Mono<DownloadJob> createDownloadJob(Collection<String> imageIds) {
		return this.transport.execute(ImgwireOperation.CREATE_DOWNLOAD_JOB,
				() -> ApiRequest.to().body(new ImageIds(RequestValidator.imageIds(imageIds))), this.downloadJob);
	}

	@Override
	public Mono<DownloadJob> retrieveDownloadJob(String jobId) {
		return this.transport.execute(ImgwireOperation.RETRIEVE_DOWNLOAD_JOB,
				() -> ApiRequest.to(RequestValidator.downloadJobId(jobId)), this.downloadJob);
	}

	@Override
	public Mono<Image> awaitReady(String imageId, Duration timeout) {
		return this.poller.await("Image", () -> RequestValidator.imageId(imageId), timeout, this::retrieve,
				Image::status, ImageStatus::isTerminal, ImageStatus.READY,
				(image) -> (image.status() == ImageStatus.QUARANTINE) ? ": it was quarantined and will not be delivered"
						: "");
	}

	@Override
	public Mono<DownloadJob> awaitDownloadJob(String jobId, Duration timeout) {
		return this.poller.await("Download job", () -> RequestValidator.downloadJobId(jobId), timeout,
				this::retrieveDownloadJob, DownloadJob::status, DownloadJobStatus::isTerminal, DownloadJobStatus.READY,
				(job) -> ": the archive could not be built");
	}

	private static ApiRequest image(String imageId) {
		String id = RequestValidator.imageId(imageId).toString();
		return ApiRequest.to(id).image(id);
	}

	@Override
	public String toString() {
		return "DefaultImgwireImagesClient[" + this.transport + "]";
	}

}
