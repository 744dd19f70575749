package dev.imgwire.sample.web;

import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.imgwire.client.ImgwireImagesClient;

/**
 * Bulk download: Imgwire zips the selected originals in a background job. The request
 * waits for the job (bounded by {@code sample.downloads.timeout}) so the page gets a link
 * in one call instead of polling a second endpoint. How many a user may create is limited
 * by {@link dev.imgwire.sample.ratelimit.UploadRateLimitWebFilter}.
 *
 * @author Imgwire
 */
@RestController
public final class DownloadController {

	private final ImgwireImagesClient client;

	private final DownloadProperties properties;

	public DownloadController(ImgwireImagesClient client, DownloadProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	@PostMapping("/api/downloads")
	public Mono<DownloadResponse> createDownload(@RequestBody ImageIdsRequest request) {
		return this.client.createDownloadJob(request.idsOrEmpty())
			.flatMap((job) -> this.client.awaitDownloadJob(job.id().toString(), this.properties.timeout()))
			// A READY job has its URL; the wait above fails for any other status.
			.map((job) -> new DownloadResponse(Objects.requireNonNull(job.downloadUrl())));
	}

}
