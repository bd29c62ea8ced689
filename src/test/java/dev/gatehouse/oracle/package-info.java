/**
 * The brute-force oracle of permission-model.md and the random worlds it is compared with the engine on.
 *
 * <p>Test code only. It must not import {@code dev.gatehouse.engine}: an oracle that shares code with
 * what it checks would share its bugs.
 */
package dev.gatehouse.oracle;
