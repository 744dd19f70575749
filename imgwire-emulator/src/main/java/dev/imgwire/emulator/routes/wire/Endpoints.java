package dev.imgwire.emulator.routes.wire;

import java.util.UUID;

/**
 * The URLs an emulator hands out, all pointing back at itself, and the identifiers they
 * embed.
 *
 * @param baseUrl the base URL, without trailing slash
 * @param organizationId the emulated organization
 * @param environmentId the emulated environment
 * @author imgwire
 */
public record Endpoints(String baseUrl, UUID organizationId, UUID environmentId) {

	public String cdnUrl(UUID imageId) {
		return this.baseUrl + "/cdn/" + this.organizationId + "/" + this.environmentId + "/" + imageId;
	}

	public String archiveUrl(UUID jobId) {
		return this.baseUrl + "/downloads/" + jobId + ".zip";
	}

	public String uploadUrl(UUID imageId, long expires, String signature) {
		return this.baseUrl + "/upload/" + imageId + "?expires=" + expires + "&signature=" + signature;
	}

}
