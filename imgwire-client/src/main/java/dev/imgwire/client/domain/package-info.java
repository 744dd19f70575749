/**
 * The custom domain resource: its client, default implementation and records.
 */
@NullMarked
package dev.imgwire.client.domain;

import org.jspecify.annotations.NullMarked;
