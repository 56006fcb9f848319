/**
 * Policy sweeps of fairlead's scenario lab on Apache Spark ({@link io.fairlead.spark.SparkSweep}):
 * the lab's {@code Sweep} and its tasks shipped to Spark's executors, each task one full scenario
 * run, the rows collected back and written as Parquet and CSV. An example module on the class path
 * (Spark is not modular); Spark stays out of core, the solver and the lab.
 */
package io.fairlead.spark;
