package io.fairlead.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The problem sizes the batch benchmarks take ({@code --sizes 10000x200,100000x2000}). */
final class Sizes {

  private Sizes() {}

  /**
   * Parses {@code LxR,...} into {leads, reps} pairs.
   *
   * @throws IllegalArgumentException naming the option and the size that does not parse
   */
  static List<int[]> parse(String arg) {
    List<int[]> sizes = new ArrayList<>();
    for (String s : arg.split(",")) {
      String[] lr = s.trim().toLowerCase(Locale.ROOT).split("x");
      try {
        if (lr.length != 2) {
          throw new NumberFormatException();
        }
        sizes.add(new int[] {Integer.parseInt(lr[0]), Integer.parseInt(lr[1])});
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--sizes: '" + s + "' is not LEADSxREPS, e.g. 10000x200", e);
      }
    }
    return sizes;
  }

  /** {@code "10k x 200"}: a size as the benchmarks name it in their output and verdicts. */
  static String name(int leads, int reps) {
    return label(leads) + " x " + label(reps);
  }

  private static String label(int n) {
    if (n >= 1_000_000 && n % 1_000_000 == 0) {
      return n / 1_000_000 + "M";
    }
    if (n >= 1_000 && n % 1_000 == 0) {
      return n / 1_000 + "k";
    }
    return Integer.toString(n);
  }

  /** Milliseconds since {@code start} (a {@link System#nanoTime()}). */
  static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
