/**
 * Synthetic datasets for benchmarks and trials ({@code gatehouse generate}): seeded, so the same seed gives
 * the same organization, written straight into an empty store.
 *
 * <p>Depends on {@code store} and {@code model} only; used by {@code cli} and the benchmarks, never by the
 * server's own layers.
 */
package dev.gatehouse.datasets;
