/**
 * HTTP plumbing of the Imgwire client: the {@code WebClient}s, headers, per-request
 * timeouts, error and body decoding, pagination headers and the streamed upload body.
 * <p>
 * Internal: the types are public only because {@code DefaultImgwireImagesClient} lives in
 * another package. They are not API and may change in any release.
 */
@NullMarked
package dev.imgwire.client.http;

import org.jspecify.annotations.NullMarked;
