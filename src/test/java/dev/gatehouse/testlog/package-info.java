/**
 * The log, as tests see it: what a test expects to be logged (a database cut off, a listener stopped, an
 * access-log line) is kept from the console while the test runs, where the test can look at it, and the
 * levels a test changes are put back.
 */
package dev.gatehouse.testlog;
