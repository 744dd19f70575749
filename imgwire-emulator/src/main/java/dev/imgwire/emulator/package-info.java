/**
 * Public API of the Imgwire emulator: an in-memory Imgwire Resource API served over
 * loopback HTTP, for local development and tests.
 */
package dev.imgwire.emulator;
