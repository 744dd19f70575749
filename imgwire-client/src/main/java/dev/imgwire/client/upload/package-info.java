/**
 * What an upload reads from ({@link UploadSource}), how it is described
 * ({@link UploadOptions}), and how its type and digest are worked out.
 */
@NullMarked
package dev.imgwire.client.upload;

import org.jspecify.annotations.NullMarked;
