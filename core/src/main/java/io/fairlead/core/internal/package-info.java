/**
 * Not API: the engine every allocator shares, exported to the solver module only (see {@code
 * module-info.java}). Its types may change in any release without notice. It knows the model and
 * the policy, and no result type.
 *
 * <ul>
 *   <li>{@link io.fairlead.core.internal.ProblemIndex}: a problem compiled to arrays, with each
 *       lead's eligible reps from the policy's rulebook, once per class of interchangeable leads,
 *       and which owned leads stay with their owners (within the owner's capacity);
 *   <li>{@link io.fairlead.core.internal.Loads}: the per-rep kernel, with the one soft delta every
 *       allocator and the router ask; {@link io.fairlead.core.internal.Assignment}: an assignment
 *       over it that scores itself ({@link io.fairlead.core.internal.Score});
 *   <li>{@link io.fairlead.core.internal.Scoring}: the penalty formulas, shared with the solver's
 *       constraint streams, and the score's numeric range;
 *   <li>{@link io.fairlead.core.internal.CountFlow} and {@link io.fairlead.core.internal.LoadFlow}:
 *       the exact count optimum, its certificate, and the flows behind the proven bounds;
 *   <li>{@link io.fairlead.core.internal.ShareFlow}: every rep's fair share, the fractional optimum
 *       of the balance objective, on the same flow.
 * </ul>
 */
package io.fairlead.core.internal;
