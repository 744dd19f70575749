/**
 * The metrics resource: its client, default implementation and records.
 */
@NullMarked
package dev.imgwire.client.metrics;

import org.jspecify.annotations.NullMarked;
