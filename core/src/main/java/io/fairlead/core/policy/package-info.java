/**
 * Policies: the {@link io.fairlead.core.policy.Rule hard rules} a distribution must obey, the
 * {@link io.fairlead.core.policy.Objective fairness objectives} it optimises with their weights,
 * and {@link io.fairlead.core.policy.TierScheme tiers} with a {@link
 * io.fairlead.core.policy.TierRule rule} to derive them.
 *
 * @since 0.1.0
 */
package io.fairlead.core.policy;
