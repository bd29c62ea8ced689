/**
 * Benchmarks (JMH), run with {@code mvn -Pbench test-compile exec:exec}; never part of {@code mvn verify},
 * which only compiles them and runs the quick tests that the peer translations agree with the engine.
 * {@link dev.gatehouse.bench.RunBenchmarks} writes each run's table into BENCHMARKS.md.
 */
package dev.gatehouse.bench;
