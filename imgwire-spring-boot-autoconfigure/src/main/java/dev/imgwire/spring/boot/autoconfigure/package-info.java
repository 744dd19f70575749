/**
 * Auto-configuration for the reactive Imgwire client.
 */
@NullMarked
package dev.imgwire.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
