/**
 * Auto-configuration for metrics of Imgwire observations.
 */
@NullMarked
package dev.imgwire.spring.boot.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
