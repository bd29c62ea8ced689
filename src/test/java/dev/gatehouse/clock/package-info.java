/**
 * A clock that tests move by hand, for what happens by the clock rather than by a write (grants expiring).
 * Test code only.
 */
package dev.gatehouse.clock;
