/**
 * Public API of the Imgwire emulator: an in-memory Imgwire Resource API served over
 * loopback HTTP, for local development and tests.
 */
@NullMarked
package dev.imgwire.emulator;

import org.jspecify.annotations.NullMarked;
