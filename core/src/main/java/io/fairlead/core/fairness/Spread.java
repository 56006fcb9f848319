package io.fairlead.core.fairness;

/**
 * How evenly one quantity (lead count, value, or the count of one tier) is spread over reps,
 * measured on each rep's load divided by its weight (so a rep of weight 2 holding twice as much
 * counts as even).
 *
 * <p>The figures are over the reps "in play" for the quantity: for lead counts and value, every rep
 * that is eligible for at least one lead of the problem or holds at least one; for a tier, every
 * rep eligible for at least one lead of that tier or holding one. Reps on leave are never in play
 * (they take nothing new; what they keep is not a question of this run's fairness). Over no rep at
 * all the spread is {@link #EMPTY}.
 *
 * @param reps how many reps the figures are over (those in play)
 * @param min the smallest weighted load
 * @param max the largest weighted load
 * @param mean the mean weighted load
 * @param gini the Gini coefficient of the weighted loads, {@code Σ_i Σ_j |x_i − x_j| / (2 n² mean)}
 *     (mean absolute difference over twice the mean): 0 = perfectly even, {@code (n − 1) / n} = one
 *     rep has everything; 0 when the mean is 0
 * @param jain Jain's fairness index {@code (Σx)² / (n Σx²)}: 1 = perfectly even (also when all are
 *     0), {@code 1/n} = one rep has everything
 * @param maxMinRatio {@code max / min}; {@code Double.POSITIVE_INFINITY} if some rep has nothing
 *     while another has something, 1 if all are equal (also when all are 0)
 * @param cv coefficient of variation (population standard deviation / mean); 0 when the mean is 0
 * @param maxDeviation the largest absolute gap between a rep's load and its fair share, in the
 *     quantity's own units (leads, or money)
 * @since 0.1.0
 */
public record Spread(
    int reps,
    double min,
    double max,
    double mean,
    double gini,
    double jain,
    double maxMinRatio,
    double cv,
    double maxDeviation) {

  /** The spread of nothing: every figure at its "perfectly even" value. */
  public static final Spread EMPTY = new Spread(0, 0, 0, 0, 0, 1, 1, 0, 0);
}
