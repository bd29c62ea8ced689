/**
 * The HTTP API: Javalin routes, authentication, request bodies, signed pagination cursors, the JSON
 * shapes of GitBook's v1 API, and the one place that turns every error into
 * {@code {"error":{"code","message"}}}.
 *
 * <p>Handlers are thin: they parse, call a service, and present. Depends on {@code service} and
 * {@code model} (and on {@code engine} result records only where a service returns them).
 */
package dev.gatehouse.http;
