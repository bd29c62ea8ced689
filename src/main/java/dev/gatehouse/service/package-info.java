/**
 * The use cases. Each service validates its input, authorizes the caller against the index, plans the
 * {@link dev.gatehouse.model.Change}s of a write, and hands them to the write path
 * ({@link dev.gatehouse.service.Writes}, implemented by {@code GroupCommit}), which commits them to the store and
 * only then applies them to the index.
 *
 * <p>A service is given only what it uses: {@link dev.gatehouse.engine.Reads} to ask the index,
 * {@link dev.gatehouse.service.Writes} to change the state, {@link dev.gatehouse.service.Mint} for times, ids and
 * secrets, and the store concerns it touches directly ({@code AuditLog}, {@code Webhooks}, {@code IdempotencyKeys});
 * so a constructor says which tables its service reaches. {@link dev.gatehouse.service.Services#open} wires them
 * all to one store, the only place that does.
 *
 * <p>Depends on {@code engine}, {@code store} and {@code model}; never on {@code http}. Errors a client can
 * fix are {@link dev.gatehouse.service.ApiException}s carrying the HTTP status they mean.
 */
package dev.gatehouse.service;
