/**
 * Exceptions of the Imgwire client, rooted at {@link ImgwireException} : API errors by
 * status, transport failures, unreadable answers, upload and processing failures, and
 * requests refused before sending.
 */
@NullMarked
package dev.imgwire.client.error;

import org.jspecify.annotations.NullMarked;
