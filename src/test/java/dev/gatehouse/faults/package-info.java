/**
 * Fault injection: rounds of concurrent HTTP writers against a node, one seeded fault each (database
 * crash, cut or stalled connections, failing or hanging commits, {@code kill -9} of the node), then four
 * rules checked against the database: the index shows only what was committed (R1), nothing acknowledged
 * is lost (R2), a 503 never hides a write (R3), and the node heals by itself while reads keep answering (R4).
 * {@code -Dgatehouse.fault.rounds=N} sets the rounds per store, {@code -Dgatehouse.seed=N} replays one.
 */
package dev.gatehouse.faults;
