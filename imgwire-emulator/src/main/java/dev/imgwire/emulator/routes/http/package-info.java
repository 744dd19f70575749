/**
 * HTTP plumbing of the emulator: the entry handler, routing by path template, request and
 * reply types, authentication, CORS, pagination headers and fault delivery. Nothing here
 * knows a resource.
 * <p>
 * Internal: the types are public only because the resource routes live in another
 * package. They are not API and may change in any release.
 */
@NullMarked
package dev.imgwire.emulator.routes.http;

import org.jspecify.annotations.NullMarked;
