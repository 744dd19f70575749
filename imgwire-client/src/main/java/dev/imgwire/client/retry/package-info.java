/**
 * Retry support: the {@link ImgwireRetryStrategy} every request goes through, and the
 * default, policy-driven implementation on Reactor's {@code Retry} .
 */
@NullMarked
package dev.imgwire.client.retry;

import org.jspecify.annotations.NullMarked;
