/**
 * The samples' demo user for form login.
 */
@NullMarked
package dev.imgwire.samples.support.security;

import org.jspecify.annotations.NullMarked;
