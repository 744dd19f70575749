/**
 * Auto-configuration of the application's image variants.
 */
@NullMarked
package dev.imgwire.spring.boot.autoconfigure.cdn;

import org.jspecify.annotations.NullMarked;
