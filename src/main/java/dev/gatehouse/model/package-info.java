/**
 * The vocabulary of Gatehouse: immutable records for organizations, members, teams, content
 * (collections, spaces, sites, pages), grants and tokens, the {@link dev.gatehouse.model.Change}
 * records that every write is made of, and the records an answer is explained by
 * ({@link dev.gatehouse.model.Explanation}, {@link dev.gatehouse.model.Origin}).
 *
 * <p>This package depends on nothing but the JDK. It holds no behaviour that needs I/O, a clock or a
 * lookup in other objects: the rules of permission-model live in {@code dev.gatehouse.engine}.
 */
package dev.gatehouse.model;
