/**
 * The source of truth. {@link dev.gatehouse.store.Store} is the one interface every database sits behind
 * ({@code store.sqlite}, {@code store.postgres}); a write is one transaction that changes the tables and
 * appends the same {@link dev.gatehouse.model.Change}s to a changelog under a new revision.
 *
 * <p>Depends on {@code model} only (and JDBC and Jackson, for the changelog's encoding). Never imports
 * {@code engine}, {@code service} or {@code http}.
 */
package dev.gatehouse.store;
