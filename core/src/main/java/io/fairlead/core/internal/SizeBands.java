package io.fairlead.core.internal;

import io.fairlead.core.model.Rep;
import java.util.Arrays;
import java.util.Collection;

/**
 * Company-size bands of a roster: leads whose sizes fall between the same two cuts pass exactly the
 * same reps' size rule, so eligibility can be worked out once per band instead of per size.
 */
public final class SizeBands {

  private SizeBands() {}

  /** Cut points at every edge of the reps' company-size bands, ascending. */
  public static int[] cuts(Collection<Rep> reps) {
    int[] cuts = new int[2 * reps.size()];
    int k = 0;
    for (Rep r : reps) {
      cuts[k++] = r.companySizes().min();
      int max = r.companySizes().max();
      cuts[k++] = max == Integer.MAX_VALUE ? Integer.MAX_VALUE : max + 1;
    }
    Arrays.sort(cuts);
    int n = 0;
    for (int i = 0; i < cuts.length; i++) {
      if (n == 0 || cuts[i] != cuts[n - 1]) {
        cuts[n++] = cuts[i];
      }
    }
    return Arrays.copyOf(cuts, n);
  }

  /**
   * The band of a company size between the {@link #cuts}: band {@code k} is the half-open interval
   * {@code [cuts[k-1], cuts[k])}. A size equal to a cut starts the next band.
   */
  public static int band(int[] cuts, int companySize) {
    int pos = Arrays.binarySearch(cuts, companySize);
    return pos >= 0 ? pos + 1 : -pos - 1;
  }
}
