/**
 * Load for the service: a {@link io.fairlead.service.bench.Workload} of routes, claims and releases
 * from client threads, the targets it runs against (the service over HTTP, the library's book
 * directly), the {@link io.fairlead.service.bench.Invariants} checked after it, and {@link
 * io.fairlead.service.bench.LoadBenchmark}, which prints throughput and latency next to its
 * baselines. The load test and the crash test use the same pieces.
 */
package io.fairlead.service.bench;
