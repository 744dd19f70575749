package dev.imgwire.emulator.routes;

import java.time.Duration;

/**
 * Configuration the HTTP side needs, taken from {@code ImgwireEmulator.Builder}.
 *
 * @param serverKey the accepted server key
 * @param clientKey the accepted client key
 * @param requireSignedUploads whether client-key uploads need an upload token
 * @param uploadUrlTtl validity of presigned upload URLs
 * @param uploadTokenTtl validity of upload tokens
 * @param maxUrlFetchBytes size limit for {@code upload_via_url}
 * @param maxUploadBytes size limit for presigned PUTs
 * @param maxJsonBodyBytes size limit for JSON request bodies
 * @param idleTimeout how long a request body may stall before the request is abandoned
 * @author imgwire
 */
public record ServerSettings(String serverKey, String clientKey, boolean requireSignedUploads, Duration uploadUrlTtl,
		Duration uploadTokenTtl, long maxUrlFetchBytes, long maxUploadBytes, long maxJsonBodyBytes,
		Duration idleTimeout) {

	@Override
	public String toString() {
		return "ServerSettings[requireSignedUploads=" + this.requireSignedUploads + "]";
	}

}
