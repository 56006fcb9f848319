/**
 * Not API: the machinery every allocator shares, public only so that the solver module can use it.
 * Its types may change in any release without notice.
 *
 * <ul>
 *   <li>{@link io.fairlead.core.internal.ProblemIndex}: a problem compiled to arrays, with each
 *       lead's eligible reps computed once per class of interchangeable leads;
 *   <li>{@link io.fairlead.core.internal.Rules}: the pairwise hard rules, one implementation for
 *       the batch index and the router;
 *   <li>{@link io.fairlead.core.internal.Scoring} and {@link io.fairlead.core.internal.Book}: the
 *       penalty formulas and per-rep aggregates that score every allocation the same way;
 *   <li>{@link io.fairlead.core.internal.Assembler} and {@link
 *       io.fairlead.core.internal.Explainer}: outcomes, reasons and explanations;
 *   <li>{@link io.fairlead.core.internal.CountFlow} and {@link io.fairlead.core.internal.LoadFlow}:
 *       the exact count optimum and the flows behind the proven bounds.
 * </ul>
 */
package io.fairlead.core.internal;
