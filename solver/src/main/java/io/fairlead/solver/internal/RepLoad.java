package io.fairlead.solver.internal;

import io.fairlead.core.model.RepId;
import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * Why a rep-level constraint penalises: the rep and the load it was scored on, e.g. {@code
 * RepLoad[rep=ana, measure=leads, amount=12]}. Used by score explanations instead of the raw
 * group-by tuple, so that only reps (not numbers) are indicted.
 *
 * @param rep the rep
 * @param measure what {@code amount} counts: {@code "leads"}, {@code "new leads"}, {@code "value
 *     units"} or {@code "tier X leads"}
 * @param amount the load
 */
record RepLoad(RepId rep, String measure, long amount) implements ConstraintJustification {}
