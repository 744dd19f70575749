/**
 * Auto-configuration for the opt-in Imgwire health indicator.
 */
@NullMarked
package dev.imgwire.spring.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
