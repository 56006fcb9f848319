package io.fairlead.core.fairness;

import java.util.Arrays;

/**
 * Computes a {@link Spread} from per-rep loads, weights and fair shares. The statistics are taken
 * over the weighted loads {@code x_r = load_r / w_r}; the largest deviation over the raw loads.
 */
final class Spreads {

  private Spreads() {}

  /**
   * The spread of the given reps' loads.
   *
   * @param load each rep's load (leads, money or one tier's leads), indexed like {@code weight}
   * @param weight each rep's effective weight, {@code > 0}
   * @param fair each rep's fair share of the load
   * @param members the reps to measure; the others are ignored
   */
  static Spread of(double[] load, double[] weight, double[] fair, boolean[] members) {
    int n = 0;
    for (boolean m : members) {
      if (m) {
        n++;
      }
    }
    if (n == 0) {
      return Spread.EMPTY;
    }
    double[] x = new double[n];
    double maxDeviation = 0;
    int k = 0;
    for (int r = 0; r < members.length; r++) {
      if (members[r]) {
        x[k++] = load[r] / weight[r];
        maxDeviation = Math.max(maxDeviation, Math.abs(load[r] - fair[r]));
      }
    }
    Arrays.sort(x);
    double min = x[0];
    double max = x[n - 1];
    double sum = 0;
    double sumSquares = 0;
    for (double v : x) {
      sum += v;
      sumSquares += v * v;
    }
    double mean = sum / n;
    if (min == max) {
      // All equal: exact figures, free of rounding in the sums.
      return new Spread(n, min, max, min, 0, 1, 1, 0, maxDeviation);
    }
    return new Spread(
        n,
        min,
        max,
        mean,
        gini(x, sum),
        jain(n, sum, sumSquares),
        maxMinRatio(min, max),
        cv(x, mean),
        maxDeviation);
  }

  /**
   * Gini coefficient of sorted, non-negative values: {@code Σ_i Σ_j |x_i − x_j| / (2 n² mean)},
   * computed in {@code O(n)} as {@code Σ_i (2i − n + 1) x_(i) / (n · Σx)} with 0-based ranks. It is
   * 0 when all are equal and {@code (n − 1) / n} when one rep has everything; 0 when the sum is 0.
   */
  static double gini(double[] sorted, double sum) {
    int n = sorted.length;
    if (sum <= 0) {
      return 0;
    }
    double acc = 0;
    for (int i = 0; i < n; i++) {
      acc += (2.0 * i - n + 1) * sorted[i];
    }
    return clamp(acc / ((double) n * sum), 0, 1);
  }

  /** Jain's index {@code (Σx)² / (n Σx²)}, in {@code [1/n, 1]}; 1 when every value is 0. */
  static double jain(int n, double sum, double sumSquares) {
    if (sumSquares == 0) {
      return 1;
    }
    return clamp(sum * sum / (n * sumSquares), 1.0 / n, 1);
  }

  /** {@code max / min}; infinite when only the minimum is 0, 1 when all are equal (even all 0). */
  static double maxMinRatio(double min, double max) {
    if (max == min) {
      return 1;
    }
    if (min == 0) {
      return Double.POSITIVE_INFINITY;
    }
    return max / min;
  }

  /** Population standard deviation over the mean; 0 when the mean is 0. */
  static double cv(double[] x, double mean) {
    if (mean == 0) {
      return 0;
    }
    double squares = 0;
    for (double v : x) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / x.length) / mean;
  }

  /** Pulls a figure that rounding pushed just outside its mathematical range back inside it. */
  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
