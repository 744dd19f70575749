/**
 * Per-user rate limits on the sample's upload-token endpoint.
 */
@NullMarked
package dev.imgwire.sample.ratelimit;

import org.jspecify.annotations.NullMarked;
