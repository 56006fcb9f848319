/**
 * Runnable programs to copy from: the Maven CRM demo ({@link io.fairlead.examples.MavenCrmDemo}), a
 * JSON command line ({@link io.fairlead.examples.JsonCli}), a policy scenario lab ({@link
 * io.fairlead.examples.PolicyScenarios}) and a benchmark ({@link io.fairlead.examples.Benchmark}),
 * with the bundled sample's loader ({@link io.fairlead.examples.MavenCrmData}) and a generator of
 * synthetic problems ({@link io.fairlead.examples.SyntheticProblems}). See {@code
 * docs/examples.md}.
 */
package io.fairlead.examples;
