/**
 * HTTP plumbing of the Imgwire client: the {@code WebClient}s, headers, per-request
 * timeouts, error and body decoding, pagination headers and the streamed upload body.
 */
@NullMarked
package dev.imgwire.client.http;

import org.jspecify.annotations.NullMarked;
