/**
 * The store on a PostgreSQL database that several Gatehouse processes (nodes) may share: revisions
 * ordered by one locked head row, commits announced with {@code NOTIFY}, a HikariCP pool.
 *
 * <p>Depends on {@code store} and {@code model}; never on {@code engine}, {@code service} or {@code http}.
 */
package dev.gatehouse.store.postgres;
