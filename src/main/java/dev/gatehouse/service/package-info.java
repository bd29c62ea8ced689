/**
 * The use cases. Each service validates its input, authorizes the caller against the index, plans the
 * {@link dev.gatehouse.model.Change}s of a write, and hands them to {@link dev.gatehouse.service.Gatehouse#write},
 * which commits them to the store and then applies them to the index.
 *
 * <p>Depends on {@code engine}, {@code store} and {@code model}; never on {@code http}. Errors a client can
 * fix are {@link dev.gatehouse.service.ApiException}s carrying the HTTP status they mean.
 */
package dev.gatehouse.service;
