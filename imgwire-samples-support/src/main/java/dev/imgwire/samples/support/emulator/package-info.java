/**
 * The samples' embedded mode: with no Server Key configured, an in-process emulator
 * starts and the client is pointed at it.
 */
@NullMarked
package dev.imgwire.samples.support.emulator;

import org.jspecify.annotations.NullMarked;
