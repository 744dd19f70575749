/**
 * The emulator's wire format: JSON request bodies with pydantic-style validation, the
 * response schemas, the URLs they embed, and the two error shapes (FastAPI's 422 and the
 * documented {@code {"detail", "error_type"}} domain errors). Independent of the HTTP
 * plumbing.
 * <p>
 * Internal: the types are public only because the routes live in other packages. They are
 * not API and may change in any release.
 */
package dev.imgwire.emulator.routes.wire;
