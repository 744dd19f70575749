package dev.imgwire.emulator.routes;

import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.processing.DownloadArchiver;
import dev.imgwire.emulator.processing.ProcessingScheduler;
import dev.imgwire.emulator.state.DownloadJobRecord;
import dev.imgwire.emulator.state.EmulatorStore;

/**
 * {@code POST /api/v1/images/downloads}: answers with the job as PENDING; after the
 * processing delay it becomes READY with a zip, or FAILED when an image is unknown or has
 * no bytes. Unknown ids do not fail the request itself: the job reports them.
 *
 * @author imgwire
 */
final class CreateDownloadJobHandler implements RouteHandler {

	private final EmulatorStore store;

	private final WireFormat wireFormat;

	private final ProcessingScheduler scheduler;

	private final DownloadArchiver archiver;

	CreateDownloadJobHandler(EmulatorStore store, WireFormat wireFormat, ProcessingScheduler scheduler,
			DownloadArchiver archiver) {
		this.store = store;
		this.wireFormat = wireFormat;
		this.scheduler = scheduler;
		this.archiver = archiver;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		return JsonBody.read(request.exchange()).flatMap((body) -> {
			List<UUID> ids = body.requiredUuids("image_ids");
			body.validate();
			DownloadJobRecord job = this.store.downloadJobs().create(ids, this.store.now());
			HttpReply reply = HttpReply.json(200, this.wireFormat.downloadJob(job));
			return this.scheduler.afterDelay(() -> this.archiver.assemble(job.id())).thenReturn(reply);
		});
	}

}
