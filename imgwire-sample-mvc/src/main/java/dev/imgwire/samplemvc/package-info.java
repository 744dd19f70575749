/**
 * The Spring MVC sample application.
 */
@NullMarked
package dev.imgwire.samplemvc;

import org.jspecify.annotations.NullMarked;
