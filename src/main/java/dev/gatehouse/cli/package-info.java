/**
 * The entry points a person types: {@code gatehouse serve [--demo]} and {@code gatehouse version}.
 * Configuration (flags and environment) is validated once at start-up, and a bad setting stops start-up
 * with a message that names the setting.
 *
 * <p>The only package that wires concrete classes together (store, core, services, HTTP).
 */
package dev.gatehouse.cli;
