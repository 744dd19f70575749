/**
 * Fault injection: tests register what should go wrong for the next requests of an
 * operation; the routes consume those faults.
 */
@NullMarked
package dev.imgwire.emulator.fault;

import org.jspecify.annotations.NullMarked;
