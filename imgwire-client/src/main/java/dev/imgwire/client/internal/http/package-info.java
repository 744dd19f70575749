/**
 * HTTP plumbing of the Imgwire client: the {@code WebClient}s, headers, per-request
 * timeouts, error and body decoding, pagination headers and the streamed upload body.
 * <p>
 * Internal: the types are public only because the transport and the resource clients live
 * in other packages. They are not API and may change in any release.
 */
@NullMarked
package dev.imgwire.client.internal.http;

import org.jspecify.annotations.NullMarked;
