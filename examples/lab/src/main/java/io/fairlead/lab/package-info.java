/**
 * The scenario lab: "what happens to fairness if we change the policy?", answered on a team's own
 * history or on generated streams, in code and in tests.
 *
 * <p>A {@link io.fairlead.lab.Scenario} holds a roster and its events over time, a lead stream
 * ({@link io.fairlead.lab.LeadStreams}), named policies and a {@link io.fairlead.lab.Schedule};
 * {@link io.fairlead.lab.Lab#run(Scenario)} replays the same stream into one book per policy (and
 * under the recorded history, when the scenario has one) and returns a {@link
 * io.fairlead.lab.LabResult}: per policy, per week, what arrived, what was placed or left and why,
 * the moves, the conflicts, and the book's fairness against its fair shares and proven bounds.
 *
 * <p>Modelled on Caffeine's simulator: one input, every policy, one result.
 */
package io.fairlead.lab;
