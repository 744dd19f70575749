/**
 * Spring Security for the MVC sample: form login, CSRF and CSP.
 */
@NullMarked
package dev.imgwire.samplemvc.security;

import org.jspecify.annotations.NullMarked;
