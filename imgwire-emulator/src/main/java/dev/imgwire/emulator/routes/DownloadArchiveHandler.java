package dev.imgwire.emulator.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import reactor.core.publisher.Mono;

import dev.imgwire.emulator.state.DownloadStatus;
import dev.imgwire.emulator.state.EmulatorStore;

/**
 * {@code GET <download_url>}: the zip of a READY download job.
 *
 * @author imgwire
 */
final class DownloadArchiveHandler implements RouteHandler {

	private final EmulatorStore store;

	DownloadArchiveHandler(EmulatorStore store) {
		this.store = store;
	}

	@Override
	public Mono<HttpReply> handle(ApiRequest request) {
		String name = request.pathVariable("archive");
		if (!name.endsWith(".zip")) {
			throw notFound();
		}
		UUID jobId = Uuids.parse(name.substring(0, name.length() - 4)).orElseThrow(DownloadArchiveHandler::notFound);
		this.store.downloadJobs()
			.find(jobId)
			.filter((job) -> job.status() == DownloadStatus.READY)
			.orElseThrow(DownloadArchiveHandler::notFound);
		Path archive = this.store.blobs().archivePath(jobId);
		long size;
		try {
			size = Files.size(archive);
		}
		catch (IOException ex) {
			throw notFound();
		}
		return Mono.just(HttpReply.file(archive, size, "application/zip")
			.header("Content-Disposition", "attachment; filename=\"images-" + jobId + ".zip\""));
	}

	private static ApiException notFound() {
		return ApiException.notFound("Download not found");
	}

}
