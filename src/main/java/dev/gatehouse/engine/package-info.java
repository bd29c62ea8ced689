/**
 * The in-memory index and the rules of the permission model. {@link dev.gatehouse.engine.World} holds
 * every object and the lookups reads need; {@link dev.gatehouse.engine.Index} guards it and knows the
 * revision it reflects; the resolution of effective permissions, aggregates, member spaces and explain
 * lives beside them.
 *
 * <p>Pure Java: no SQL, no HTTP, no clock, no threads of its own. Depends on {@code model} only.
 * Every read of the API is answered here.
 */
package dev.gatehouse.engine;
