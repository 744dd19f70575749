/**
 * The WebFlux sample's controllers and JSON bodies.
 */
@NullMarked
package dev.imgwire.sample.web;

import org.jspecify.annotations.NullMarked;
