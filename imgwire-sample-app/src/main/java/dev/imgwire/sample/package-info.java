/**
 * The WebFlux sample application.
 */
@NullMarked
package dev.imgwire.sample;

import org.jspecify.annotations.NullMarked;
