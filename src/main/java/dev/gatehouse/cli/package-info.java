/**
 * The entry points a person types: {@code gatehouse serve [--demo]} and {@code gatehouse version}.
 * Configuration (flags and environment) is validated once at start-up, and a bad setting stops start-up
 * with a message that names the setting.
 *
 * <p>The only package that wires the layers together: {@link dev.gatehouse.cli.Node} assembles a node (store,
 * services, HTTP, background loops) from one validated {@link dev.gatehouse.cli.NodeConfig}, for {@code serve}
 * and for the tests alike.
 */
package dev.gatehouse.cli;
