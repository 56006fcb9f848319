/**
 * Benchmark programs that print their figures next to the baselines measured in the same run:
 * {@code RouterBenchmark} (JMH: latency and throughput of single-lead routing) and the batch
 * benchmarks. Tests never assert times; these programs do the measuring.
 */
package io.fairlead.examples.bench;
