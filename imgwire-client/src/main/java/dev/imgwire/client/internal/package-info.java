/**
 * The transport shared by every Imgwire resource client: one request path with auth,
 * retries, observations, error decoding and redaction, plus paging and polling.
 * <p>
 * Internal: the types are public only because the resource clients live in other
 * packages. They are not API and may change in any release.
 */
@NullMarked
package dev.imgwire.client.internal;

import org.jspecify.annotations.NullMarked;
