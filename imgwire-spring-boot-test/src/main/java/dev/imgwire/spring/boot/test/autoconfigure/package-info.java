/**
 * Test support: run the auto-configured Imgwire client against a local emulator.
 */
@NullMarked
package dev.imgwire.spring.boot.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
