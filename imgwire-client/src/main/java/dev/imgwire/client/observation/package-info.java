/**
 * Micrometer observations of the Imgwire client: {@code imgwire.client.requests} per
 * operation and {@code imgwire.client.retries} per retry.
 */
@NullMarked
package dev.imgwire.client.observation;

import org.jspecify.annotations.NullMarked;
