/**
 * Fairness metrics: per-rep loads against weighted fair shares, Gini, Jain's index, max/min ratio,
 * coefficient of variation and the hard rules an assignment breaks. Computable for any assignment,
 * with no solver on the classpath.
 *
 * @since 0.1.0
 */
package io.fairlead.core.fairness;
