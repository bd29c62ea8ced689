/**
 * The in-memory index and the rules of the permission model. {@link dev.gatehouse.engine.World} holds
 * every object and the lookups reads need; {@link dev.gatehouse.engine.Index} guards it and knows the
 * revision it reflects; the resolution of effective permissions, aggregates, member spaces and explain
 * lives beside them.
 *
 * <p>Pure Java: no SQL, no HTTP, no threads of its own. Depends on {@code model} only. Every read of the
 * API is answered here, at one instant: grants expire by the clock the index is handed (the service's),
 * never by a clock the engine picks itself, so a test can ask at any instant it likes.
 */
package dev.gatehouse.engine;
