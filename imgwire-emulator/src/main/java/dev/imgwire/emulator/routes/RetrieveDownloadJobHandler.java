package dev.imgwire.emulator.routes;

import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.state.DownloadJobs;

/**
 * {@code GET /api/v1/images/downloads/{image_download_job_id}}.
 *
 * @author imgwire
 */
final class RetrieveDownloadJobHandler implements RouteHandler {

	private final DownloadJobs jobs;

	private final WireFormat wireFormat;

	RetrieveDownloadJobHandler(DownloadJobs jobs, WireFormat wireFormat) {
		this.jobs = jobs;
		this.wireFormat = wireFormat;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		UUID id = Uuids.pathVariable(request, "image_download_job_id");
		return Mono.just(this.jobs.find(id)
			.map((job) -> HttpReply.json(200, this.wireFormat.downloadJob(job)))
			.orElseThrow(() -> ApiException.notFound("Download job not found")));
	}

}
