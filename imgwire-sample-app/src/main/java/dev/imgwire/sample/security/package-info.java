/**
 * Spring Security for the WebFlux sample: form login, CSRF, CSP and login throttling.
 */
@NullMarked
package dev.imgwire.sample.security;

import org.jspecify.annotations.NullMarked;
