/**
 * The HTTP API: Javalin routes, authentication, request bodies, signed pagination cursors, the JSON
 * shapes of GitBook's v1 API, and the places that turn every error into {@code {"error":{"code","message"}}}
 * with {@code X-Gatehouse-Revision}: {@link dev.gatehouse.http.HttpApi} for what the routes raise,
 * {@link dev.gatehouse.http.JsonErrorHandler} for what Jetty and the handlers in front of the routes refuse.
 *
 * <p>In front of the routes ({@link dev.gatehouse.http.JettyChain}) every client is bounded
 * ({@link dev.gatehouse.http.HttpLimits}): bodies arrive whole without a thread and within a deadline, so do
 * request heads, requests beyond a cap are shed with 503, and a stop drains the requests in flight.
 *
 * <p>Handlers are thin: they parse, call a service, and present. Depends on {@code service} and
 * {@code model} (and on {@code engine} result records only where a service returns them).
 */
package dev.gatehouse.http;
