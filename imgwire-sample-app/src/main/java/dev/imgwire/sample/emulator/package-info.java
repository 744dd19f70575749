/**
 * What the WebFlux sample adds to the embedded emulator.
 */
@NullMarked
package dev.imgwire.sample.emulator;

import org.jspecify.annotations.NullMarked;
