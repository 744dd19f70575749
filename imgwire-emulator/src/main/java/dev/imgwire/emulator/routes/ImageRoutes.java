package dev.imgwire.emulator.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.processing.DownloadArchiver;
import dev.imgwire.emulator.processing.ProcessingScheduler;
import dev.imgwire.emulator.routes.http.Access;
import dev.imgwire.emulator.routes.http.ApiRequest;
import dev.imgwire.emulator.routes.http.HttpReply;
import dev.imgwire.emulator.routes.http.Pagination;
import dev.imgwire.emulator.routes.http.Route;
import dev.imgwire.emulator.routes.wire.ApiException;
import dev.imgwire.emulator.routes.wire.Uuids;
import dev.imgwire.emulator.routes.wire.WireFormat;
import dev.imgwire.emulator.state.DownloadJobRecord;
import dev.imgwire.emulator.state.DownloadStatus;
import dev.imgwire.emulator.state.EmulatorStore;
import dev.imgwire.emulator.state.ImageRecord;
import dev.imgwire.emulator.state.ImageStatus;

/**
 * The Images API and the URLs it hands out. The operations that are a few lines of logic
 * are methods here; uploads and CDN delivery, which stream bytes and check more, have
 * handler classes of their own.
 * <p>
 * Routes are in the spec's declaration order: the fixed {@code /images/...} paths come
 * before {@code /images/{image_id}}, so {@code GET /api/v1/images/token} reaches retrieve
 * and fails UUID validation, like the real API.
 *
 * @author imgwire
 */
final class ImageRoutes {

	private static final String IMAGES = "/api/v1/images";

	private final EmulatorStore store;

	private final WireFormat wireFormat;

	private final ProcessingScheduler scheduler;

	private final DownloadArchiver archiver;

	private final Duration uploadTokenTtl;

	private final StandardUploadHandler standardUpload;

	private final UploadViaUrlHandler uploadViaUrl;

	private final PresignedPutHandler presignedPut;

	private final CdnHandler cdn;

	ImageRoutes(EmulatorStore store, WireFormat wireFormat, ProcessingScheduler scheduler, Duration uploadTokenTtl,
			StandardUploadHandler standardUpload, UploadViaUrlHandler uploadViaUrl, PresignedPutHandler presignedPut,
			CdnHandler cdn) {
		this.store = store;
		this.wireFormat = wireFormat;
		this.scheduler = scheduler;
		this.archiver = new DownloadArchiver(store);
		this.uploadTokenTtl = uploadTokenTtl;
		this.standardUpload = standardUpload;
		this.uploadViaUrl = uploadViaUrl;
		this.presignedPut = presignedPut;
		this.cdn = cdn;
	}

	List<Route> routes() {
		return List.of(Route.of(HttpMethod.GET, IMAGES + "/", EmulatorOperation.LIST, Access.SERVER_KEY, this::list),
				Route.of(HttpMethod.POST, IMAGES + "/standard_upload", EmulatorOperation.STANDARD_UPLOAD,
						Access.SERVER_OR_CLIENT_KEY, this.standardUpload),
				Route.of(HttpMethod.POST, IMAGES + "/upload_via_url", EmulatorOperation.UPLOAD_VIA_URL,
						Access.SERVER_KEY, this.uploadViaUrl),
				Route.of(HttpMethod.POST, IMAGES + "/token", EmulatorOperation.CREATE_UPLOAD_TOKEN, Access.SERVER_KEY,
						this::createUploadToken),
				Route.of(HttpMethod.POST, IMAGES + "/downloads", EmulatorOperation.CREATE_DOWNLOAD_JOB,
						Access.SERVER_KEY, this::createDownloadJob),
				Route.of(HttpMethod.GET, IMAGES + "/downloads/{image_download_job_id}",
						EmulatorOperation.RETRIEVE_DOWNLOAD_JOB, Access.SERVER_KEY, this::retrieveDownloadJob),
				Route.of(HttpMethod.POST, IMAGES + "/bulk_delete", EmulatorOperation.BULK_DELETE, Access.SERVER_KEY,
						this::bulkDelete),
				Route.of(HttpMethod.GET, IMAGES + "/{image_id}", EmulatorOperation.RETRIEVE,
						Access.SERVER_OR_CLIENT_KEY, this::retrieve),
				Route.of(HttpMethod.DELETE, IMAGES + "/{image_id}", EmulatorOperation.DELETE, Access.SERVER_KEY,
						this::delete),
				Route.of(HttpMethod.PUT, "/upload/{image_id}", EmulatorOperation.PRESIGNED_PUT, Access.NONE,
						this.presignedPut),
				Route.of(HttpMethod.GET, "/cdn/{organization_id}/{environment_id}/{image_key}", EmulatorOperation.CDN,
						Access.NONE, this.cdn),
				Route.of(HttpMethod.GET, "/downloads/{archive}", EmulatorOperation.DOWNLOAD_ARCHIVE, Access.NONE,
						this::downloadArchive));
	}

	/**
	 * {@code GET /api/v1/images/}: live images, oldest first.
	 */
	private Mono<HttpReply> list(ApiRequest request) {
		Pagination pagination = Pagination.of(request.exchange());
		return Mono.just(pagination.reply(this.store.images().page(pagination.offset(), pagination.limit()),
				this.wireFormat::image));
	}

	/**
	 * {@code GET /api/v1/images/{image_id}}, with a server or client key.
	 */
	private Mono<HttpReply> retrieve(ApiRequest request) {
		UUID id = request.uuidPathVariable("image_id");
		return Mono.just(this.store.images()
			.find(id)
			.map((image) -> HttpReply.json(200, this.wireFormat.image(image)))
			.orElseThrow(() -> ApiException.notFound("Image not found")));
	}

	/**
	 * {@code DELETE /api/v1/images/{image_id}}: a soft delete. The record disappears from
	 * list, retrieve and the CDN; its bytes are dropped.
	 */
	private Mono<HttpReply> delete(ApiRequest request) {
		UUID id = request.uuidPathVariable("image_id");
		Instant now = this.store.now();
		if (!this.store.images().deleteAll(List.of(id), now, (image) -> dropBytes(image, now)).isEmpty()) {
			throw ApiException.notFound("Image not found");
		}
		Map<String, String> body = new LinkedHashMap<>();
		body.put("detail", "Image deleted");
		body.put("image_id", id.toString());
		return Mono.just(HttpReply.json(200, body));
	}

	/**
	 * {@code POST /api/v1/images/bulk_delete}: all or nothing. When any id is unknown the
	 * answer is a 404 naming the unknown ids and nothing is deleted, so a client never
	 * has to guess which part of a batch went through.
	 */
	private Mono<HttpReply> bulkDelete(ApiRequest request) {
		return request.exchange().jsonBody().map((body) -> {
			List<UUID> requested = body.requiredUuids("image_ids");
			body.validate();
			Set<UUID> ids = new LinkedHashSet<>(requested);
			Instant now = this.store.now();
			Set<UUID> unknown = this.store.images().deleteAll(ids, now, (image) -> dropBytes(image, now));
			if (!unknown.isEmpty()) {
				String names = unknown.stream().map(UUID::toString).collect(Collectors.joining(", "));
				throw ApiException.notFound("Images not found: " + names);
			}
			Map<String, String> reply = new LinkedHashMap<>();
			reply.put("detail", "Images deleted");
			reply.put("deleted", Integer.toString(ids.size()));
			return HttpReply.json(200, reply);
		});
	}

	/**
	 * Drop the bytes of an image being deleted. Only an image past PENDING had its upload
	 * counted, so only then are its bytes released in the usage metrics.
	 * @param image the image as it was before the delete
	 * @param now the deletion time
	 */
	private void dropBytes(ImageRecord image, Instant now) {
		this.store.blobs().delete(image.id());
		if (image.status() != ImageStatus.PENDING) {
			this.store.usage().recordStorageReleased(now, image.sizeBytes());
		}
	}

	/**
	 * {@code POST /api/v1/images/token}: issues a single-use token for signed client
	 * uploads. The request has no body; any body sent is ignored.
	 */
	private Mono<HttpReply> createUploadToken(ApiRequest request) {
		return Mono.fromSupplier(() -> HttpReply.json(200,
				this.wireFormat.uploadToken(this.store.uploadTokens().issue(this.store.now(), this.uploadTokenTtl))));
	}

	/**
	 * {@code POST /api/v1/images/downloads}: answers with the job as PENDING; after the
	 * processing delay it becomes READY with a zip, or FAILED when an image is unknown or
	 * has no bytes. Unknown ids do not fail the request itself: the job reports them.
	 */
	private Mono<HttpReply> createDownloadJob(ApiRequest request) {
		return request.exchange().jsonBody().flatMap((body) -> {
			List<UUID> ids = body.requiredUuids("image_ids");
			body.validate();
			DownloadJobRecord job = this.store.downloadJobs().create(ids, this.store.now());
			HttpReply reply = HttpReply.json(200, this.wireFormat.downloadJob(job));
			return this.scheduler.afterDelay(() -> this.archiver.assemble(job.id())).thenReturn(reply);
		});
	}

	/**
	 * {@code GET /api/v1/images/downloads/{image_download_job_id}}.
	 */
	private Mono<HttpReply> retrieveDownloadJob(ApiRequest request) {
		UUID id = request.uuidPathVariable("image_download_job_id");
		return Mono.just(this.store.downloadJobs()
			.find(id)
			.map((job) -> HttpReply.json(200, this.wireFormat.downloadJob(job)))
			.orElseThrow(() -> ApiException.notFound("Download job not found")));
	}

	/**
	 * {@code GET <download_url>}: the zip of a READY download job.
	 */
	private Mono<HttpReply> downloadArchive(ApiRequest request) {
		String name = request.pathVariable("archive");
		if (!name.endsWith(".zip")) {
			throw archiveNotFound();
		}
		UUID jobId = Uuids.parse(name.substring(0, name.length() - 4)).orElseThrow(ImageRoutes::archiveNotFound);
		if (this.store.downloadJobs().find(jobId).filter((job) -> job.status() == DownloadStatus.READY).isEmpty()) {
			throw archiveNotFound();
		}
		Path archive = this.store.blobs().archivePath(jobId);
		long size;
		try {
			size = Files.size(archive);
		}
		catch (IOException ex) {
			throw archiveNotFound();
		}
		return Mono.just(HttpReply.file(archive, size, "application/zip")
			.header("Content-Disposition", "attachment; filename=\"images-" + jobId + ".zip\""));
	}

	private static ApiException archiveNotFound() {
		return ApiException.notFound("Download not found");
	}

}
