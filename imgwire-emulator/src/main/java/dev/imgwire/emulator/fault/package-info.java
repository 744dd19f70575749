/**
 * Fault injection: tests register what should go wrong for the next requests of an
 * operation; the routes consume those faults.
 */
package dev.imgwire.emulator.fault;
