/**
 * A {@link io.fairlead.core.problem.Problem}: a policy, a roster and the leads to distribute,
 * validated together. What every allocator, the metrics and the proven bounds take.
 *
 * @since 0.1.0
 */
package io.fairlead.core.problem;
