/**
 * Moving an installation from its SQLite file to PostgreSQL: a copy of every table in one PostgreSQL
 * transaction, then a check that both databases hold the same rows and the same state.
 *
 * <p>The one place that knows both stores; depends on {@code store}, {@code store.sqlite},
 * {@code store.postgres} and {@code model}, never on {@code engine}, {@code service} or {@code http}.
 */
package dev.gatehouse.store.migrate;
