/**
 * The MVC sample's controllers and views' models.
 */
@NullMarked
package dev.imgwire.samplemvc.web;

import org.jspecify.annotations.NullMarked;
