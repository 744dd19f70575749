/**
 * Actuator support: masking of the Imgwire keys in the {@code env} and
 * {@code configprops} endpoints.
 */
@NullMarked
package dev.imgwire.spring.boot.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
