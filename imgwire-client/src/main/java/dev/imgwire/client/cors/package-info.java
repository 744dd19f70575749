/**
 * The CORS origins resource: its client, default implementation and records.
 */
@NullMarked
package dev.imgwire.client.cors;

import org.jspecify.annotations.NullMarked;
