/**
 * Fairness expectations as assertions, for a data team's own test suites: "no rep above 110 % of
 * its fair share", "tier-A spread within its proven bound", "nothing unassigned but for these
 * reasons", "no rep starved for more than three nights". They throw {@link
 * java.lang.AssertionError} with the offending reps and their figures, so they work in JUnit,
 * TestNG or a plain {@code main}, and core needs no test library.
 *
 * <pre>{@code
 * FairnessAssertions.assertThat(allocation)
 *     .noRepAbove(1.10, Measure.LEADS)
 *     .topTierWithinBound(0.05)
 *     .feasible();
 * }</pre>
 *
 * @since 0.1.0
 */
package io.fairlead.core.check;
