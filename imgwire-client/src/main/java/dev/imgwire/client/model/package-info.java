/**
 * Requests and responses of the Imgwire Images API, as records mirroring the wire format.
 * Enums read unknown values as {@code UNKNOWN}.
 */
@NullMarked
package dev.imgwire.client.model;

import org.jspecify.annotations.NullMarked;
