package dev.imgwire.emulator.routes;

import java.util.List;

import io.netty.handler.codec.http.HttpMethod;

import dev.imgwire.emulator.EmulatorOperation;
import dev.imgwire.emulator.fault.FaultQueue;
import dev.imgwire.emulator.processing.DownloadArchiver;
import dev.imgwire.emulator.processing.ProcessingScheduler;
import dev.imgwire.emulator.processing.RemoteImageFetcher;
import dev.imgwire.emulator.processing.UploadProcessor;
import dev.imgwire.emulator.state.EmulatorStore;

/**
 * The route table of the emulator, in the spec's declaration order: the fixed
 * {@code /images/...} paths come before {@code /images/{image_id}}, so
 * {@code GET /api/v1/images/token} reaches retrieve and fails UUID validation, like the
 * real API.
 *
 * @author imgwire
 */
public final class EmulatorRoutes {

	private EmulatorRoutes() {
	}

	public static EmulatorHttpHandler handler(ServerSettings settings, Endpoints endpoints, EmulatorStore store,
			FaultQueue faults, ProcessingScheduler scheduler, RemoteImageFetcher fetcher) {
		WireFormat wire = new WireFormat(endpoints);
		CorsPolicy cors = new CorsPolicy(settings.allowedOrigins());
		UploadUrlSigner signer = new UploadUrlSigner(endpoints, settings.uploadUrlTtl());
		UploadProcessor processor = new UploadProcessor(store, scheduler);
		DownloadArchiver archiver = new DownloadArchiver(store);
		String images = "/api/v1/images";
		List<Route> routes = List.of(
				route(HttpMethod.GET, images + "/", EmulatorOperation.LIST, Access.SERVER_KEY,
						new ListImagesHandler(store.images(), wire)),
				route(HttpMethod.POST, images + "/standard_upload", EmulatorOperation.STANDARD_UPLOAD,
						Access.SERVER_OR_CLIENT_KEY,
						new StandardUploadHandler(store, wire, signer, cors, settings.requireSignedUploads())),
				route(HttpMethod.POST, images + "/upload_via_url", EmulatorOperation.UPLOAD_VIA_URL, Access.SERVER_KEY,
						new UploadViaUrlHandler(store, wire, fetcher, processor, settings.maxUrlFetchBytes())),
				route(HttpMethod.POST, images + "/token", EmulatorOperation.CREATE_UPLOAD_TOKEN, Access.SERVER_KEY,
						new CreateUploadTokenHandler(store, wire, settings.uploadTokenTtl())),
				route(HttpMethod.POST, images + "/downloads", EmulatorOperation.CREATE_DOWNLOAD_JOB, Access.SERVER_KEY,
						new CreateDownloadJobHandler(store, wire, scheduler, archiver)),
				route(HttpMethod.GET, images + "/downloads/{image_download_job_id}",
						EmulatorOperation.RETRIEVE_DOWNLOAD_JOB, Access.SERVER_KEY,
						new RetrieveDownloadJobHandler(store.downloadJobs(), wire)),
				route(HttpMethod.POST, images + "/bulk_delete", EmulatorOperation.BULK_DELETE, Access.SERVER_KEY,
						new BulkDeleteHandler(store)),
				route(HttpMethod.GET, images + "/{image_id}", EmulatorOperation.RETRIEVE, Access.SERVER_OR_CLIENT_KEY,
						new RetrieveImageHandler(store.images(), wire)),
				route(HttpMethod.DELETE, images + "/{image_id}", EmulatorOperation.DELETE, Access.SERVER_KEY,
						new DeleteImageHandler(store)),
				route(HttpMethod.PUT, "/upload/{image_id}", EmulatorOperation.PRESIGNED_PUT, Access.NONE,
						new PresignedPutHandler(store, signer, processor, settings.maxUploadBytes())),
				route(HttpMethod.GET, "/cdn/{organization_id}/{environment_id}/{image_key}", EmulatorOperation.CDN,
						Access.NONE, new CdnHandler(store, endpoints)),
				route(HttpMethod.GET, "/downloads/{archive}", EmulatorOperation.DOWNLOAD_ARCHIVE, Access.NONE,
						new DownloadArchiveHandler(store)));
		return new EmulatorHttpHandler(new Router(routes),
				new Authenticator(settings.serverKey(), settings.clientKey()), cors, store.requestCounters(), faults);
	}

	private static Route route(HttpMethod method, String path, EmulatorOperation operation, Access access,
			RouteHandler handler) {
		return new Route(method, PathTemplate.of(path), operation, access, handler);
	}

}
