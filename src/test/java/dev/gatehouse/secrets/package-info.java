/**
 * Secrets at rest: a real server hands out every kind of secret, and its data directory, its database and
 * its output are searched for them in clear.
 */
package dev.gatehouse.secrets;
