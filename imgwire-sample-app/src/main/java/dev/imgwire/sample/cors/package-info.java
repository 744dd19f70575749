/**
 * Checking, and on request registering, the sample's origins as Imgwire CORS origins at
 * startup.
 */
@NullMarked
package dev.imgwire.sample.cors;

import org.jspecify.annotations.NullMarked;
