/**
 * Benchmarks (JMH), run with {@code mvn -Pbench test-compile exec:exec}. They live in {@code src/bench}, which
 * only the {@code bench} profile compiles (into {@code target/bench-classes}, against the main and test
 * classes), so {@code mvn verify} neither compiles them nor has JMH or the peers (jCasbin, Spring Security
 * ACL, H2) on its classpath; {@code mvn -Pbench verify} also runs the quick tests that the peer translations
 * agree with the engine. {@link dev.gatehouse.bench.RunBenchmarks} writes each run's table into BENCHMARKS.md.
 */
package dev.gatehouse.bench;
