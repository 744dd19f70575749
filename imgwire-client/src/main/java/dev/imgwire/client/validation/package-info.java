/**
 * Checks of requests against the API's documented constraints, made before anything is
 * sent.
 */
@NullMarked
package dev.imgwire.client.validation;

import org.jspecify.annotations.NullMarked;
