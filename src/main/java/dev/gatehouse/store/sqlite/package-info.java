/**
 * The embedded default store: one SQLite file in WAL mode, with durable commits.
 *
 * <p>Depends on {@code store} and {@code model}; never on {@code engine}, {@code service} or {@code http}.
 */
package dev.gatehouse.store.sqlite;
