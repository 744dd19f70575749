/**
 * Reactive client for the Imgwire Images API: {@link ImgwireImagesClient} , its default
 * implementation and its settings.
 */
@NullMarked
package dev.imgwire.client;

import org.jspecify.annotations.NullMarked;
