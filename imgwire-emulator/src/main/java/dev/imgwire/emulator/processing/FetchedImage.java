package dev.imgwire.emulator.processing;

import dev.imgwire.emulator.state.ReceivedBlob;

/**
 * Bytes fetched for {@code upload_via_url}.
 *
 * @param blob the stored bytes
 * @param contentType the response's {@code Content-Type}, or {@code null}
 * @author imgwire
 */
public record FetchedImage(ReceivedBlob blob, String contentType) {

}
